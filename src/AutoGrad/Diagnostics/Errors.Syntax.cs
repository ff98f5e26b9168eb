using AutoGrad.Syntax;

namespace AutoGrad.Diagnostics;

internal static partial class Errors
{
    internal static AutoGradException Unexpected(Token found, string expected, SourceText source) =>
        At(ErrorKind.Syntax, $"expected {expected}, found {found.Describe()}", source, found.Span);

    internal static AutoGradException Unclosed(Token open, Token found, SourceText source) =>
        At(ErrorKind.Syntax,
            $"'{open.Text}' is not closed: expected ')', found {found.Describe()}",
            source, found.Span.Length == 0 ? open.Span : found.Span);

    internal static AutoGradException UnexpectedCharacter(
        System.Text.Rune c, SourceText source, SourceSpan span) =>
        At(ErrorKind.Syntax, $"unexpected character '{c}' (U+{c.Value:X4})", source, span);

    internal static AutoGradException UnterminatedString(SourceText source, SourceSpan span) =>
        At(ErrorKind.Syntax, "the string is not closed before the end of the line", source, span);

    internal static AutoGradException SourceTooLong(int length, int max) =>
        Plain(ErrorKind.Limit, $"the objective text has {length} characters; at most {max} are accepted");

    internal static AutoGradException FormulaTooLong(int max) =>
        Plain(ErrorKind.Limit,
            $"the formula would be longer than {max} characters, too long to parse back; "
            + "compile the objective instead of printing its gradient");

    internal static AutoGradException TooDeep(string what, int max, SourceText source, SourceSpan span) =>
        At(ErrorKind.Limit, $"{what} deeper than {max} levels; name parts with 'x = ...;'", source, span);

    internal static AutoGradException NotSupported(
        string what, string instead, SourceText? source, SourceSpan span) =>
        At(ErrorKind.NotSupported, $"{what} is not supported yet; use {instead}", source, span);
}

using AutoGrad.Diagnostics;

namespace AutoGrad.Syntax;

/// <summary>The kinds of token the lexer produces.</summary>
internal enum TokenKind
{
    Number,
    Identifier,
    String,
    Operator,
    Newline,
    End,
}

/// <summary>One token: its kind, its text, its place and, for a number, its value.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, SourceSpan Span, double Value = 0)
{
    public bool Is(string op) => Kind == TokenKind.Operator && Text == op;

    /// <summary>The token as an error message names it.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "the end of the text",
        TokenKind.Newline => "the end of the line",
        TokenKind.String => $"the string '{Text}'",
        TokenKind.Number => $"the number {Text}",
        TokenKind.Identifier => $"the name '{Text}'",
        _ => $"'{Text}'",
    };
}

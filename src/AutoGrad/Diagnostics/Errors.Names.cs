using AutoGrad.Graph;

namespace AutoGrad.Diagnostics;

internal static partial class Errors
{
    internal static AutoGradException EmptyObjective() =>
        Plain(ErrorKind.Syntax, "the objective text is empty: write an expression such as sum(x.^2)");

    internal static AutoGradException NoObjective(SourceText source, SourceSpan span) =>
        At(ErrorKind.Syntax,
            "the text ends with a declaration; end it with the objective, an expression", source, span);

    internal static AutoGradException ExpressionNotLast(SourceText source, SourceSpan span) =>
        At(ErrorKind.Syntax,
            "only the last statement may be a bare expression; name this one with 'name = ...;'",
            source, span);

    internal static AutoGradException DeclarationConflict(
        string name, Shape declared, Shape bound, SourceText source, SourceSpan span) =>
        At(ErrorKind.Binding,
            $"'{name}' is declared {declared}, but the data or shape given for it is {bound}",
            source, span);

    internal static AutoGradException DeclaredAfterAssignment(
        string name, SourceText source, SourceSpan span) =>
        At(ErrorKind.Syntax,
            $"'{name}' is already assigned above, so it cannot be declared as a variable here",
            source, span);

    internal static AutoGradException BadSize(double value, long max, SourceText source, SourceSpan span) =>
        At(ErrorKind.Shape,
            $"a size must be a whole number from 1 to {max}, not {Syntax.Printer.FormatNumber(value)}",
            source, span);

    internal static AutoGradException NotASize(SourceText source, SourceSpan span) =>
        At(ErrorKind.Syntax, "expected a size: a whole number, a name such as n, or a product n*k",
            source, span);

    internal static AutoGradException StringNotValue(string value, SourceText source, SourceSpan span) =>
        At(ErrorKind.Syntax,
            $"the string '{value}' is not a value; strings only name options, as in norm(X,'fro')",
            source, span);

    internal static AutoGradException UnknownName(
        string name, bool isFunction, SourceText source, SourceSpan span) =>
        At(ErrorKind.UnknownName, isFunction
            ? $"'{name}' is a function: call it with arguments, as in {name}(x)"
            : $"unknown name '{name}': declare it (e.g. {name}: n x k), bind data to it, "
              + "or bind it as a scalar", source, span);

    internal static AutoGradException UnknownFunction(
        string name, IEnumerable<string> known, SourceText source, SourceSpan span) =>
        At(ErrorKind.UnknownName,
            $"unknown function '{name}'; the functions are {string.Join(", ", known.Order())}",
            source, span);

    internal static AutoGradException ArgumentCount(
        string function, int min, int max, int found, SourceText source, SourceSpan span) =>
        At(ErrorKind.Argument,
            $"{function} takes {ArgumentRange(min, max)}, "
            + $"but {found} {(found == 1 ? "was" : "were")} given", source, span);

    private static string ArgumentRange(int min, int max) =>
        min == max ? (min == 1 ? "1 argument" : $"{min} arguments")
        : max == min + 1 ? $"{min} or {max} arguments"
        : $"{min} to {max} arguments";

    internal static AutoGradException BadArgument(
        string function, string expected, SourceText source, SourceSpan span) =>
        At(ErrorKind.Argument, $"{function} expects {expected} here", source, span);

    internal static AutoGradException ExponentNotScalar(Shape exponent, SourceText source, SourceSpan span) =>
        At(ErrorKind.Shape,
            $"the exponent of '^' must be 1x1, but it is {exponent}; use '.^' for elementwise powers",
            source, span);

    internal static AutoGradException PowerNotSquare(Shape shape, SourceText source, SourceSpan span) =>
        At(ErrorKind.Shape,
            $"'^' of a matrix needs a square matrix, got {shape}; use '.^' for elementwise powers",
            source, span);
}

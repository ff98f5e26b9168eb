using AutoGrad.Graph;

namespace AutoGrad.Diagnostics;

internal static partial class Errors
{
    internal static AutoGradException MissingBinding(string name, Shape shape) =>
        Plain(ErrorKind.Binding, $"no value is bound to '{name}' ({shape})");

    internal static AutoGradException BadDimensionValue(string dim, int value) =>
        Plain(ErrorKind.Binding,
            $"the size '{dim}' must be from 1 to {Limits.MaxDimension}, not {value}");

    internal static AutoGradException UnboundDimension(string dim) =>
        Plain(ErrorKind.Binding,
            $"the size '{dim}' is not known: no bound value shows it; give it explicitly");

    internal static AutoGradException BoundShape(
        string name, Shape declared, int rows, int cols, string known) =>
        Plain(ErrorKind.Binding,
            $"'{name}' is {declared} but the value bound to it is {rows}x{cols}"
            + (known.Length > 0 ? $" (with {known})" : ""));

    internal static AutoGradException BufferLength(string what, string name, Shape shape, long expected, int actual) =>
        Plain(ErrorKind.Binding,
            $"the {what} array for '{name}' ({shape}) has {actual} entries, but {expected} are needed");

    internal static AutoGradException ArrayCount(string what, int expected, int actual) =>
        Plain(ErrorKind.Binding,
            $"{actual} {what} {(actual == 1 ? "array was" : "arrays were")} given, "
            + $"but {expected} {(expected == 1 ? "is" : "are")} needed");

    internal static AutoGradException BadBoundShape(string name, Shape shape, long max) =>
        Plain(ErrorKind.Binding,
            $"'{name}' is given the shape {shape}, but each size must be a whole number "
            + $"from 1 to {max}");

    internal static AutoGradException UnknownWrt(string name, IEnumerable<string> variables) =>
        Plain(ErrorKind.Binding,
            $"cannot differentiate with respect to '{name}': it is not a variable of the objective"
            + $" ({VariableList(variables)})");

    internal static AutoGradException DuplicateWrt(string name) =>
        Plain(ErrorKind.Binding, $"'{name}' is named twice among the variables to differentiate");

    internal static AutoGradException UnknownInput(string name, IEnumerable<string> variables) =>
        Plain(ErrorKind.Binding,
            $"'{name}' is not a variable of the objective ({VariableList(variables)})");

    private static string VariableList(IEnumerable<string> variables) =>
        variables.Any()
            ? $"its variables are {string.Join(", ", variables)}"
            : "it has no variables; a name bound as a constant is not one";

    internal static AutoGradException TooLarge(string what, long entries) =>
        Plain(ErrorKind.Limit,
            $"{what} would have {entries} entries; at most {Limits.MaxEntries} are supported");
}

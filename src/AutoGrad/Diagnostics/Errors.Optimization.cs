namespace AutoGrad.Diagnostics;

internal static partial class Errors
{
    internal static AutoGradException ParameterSize(string name, int rows, int columns) =>
        Plain(ErrorKind.Binding,
            $"the parameter '{name}' is {rows}x{columns}; both sizes must be at least 1");

    internal static AutoGradException DuplicateParameter(string name) =>
        Plain(ErrorKind.Binding, $"the parameter '{name}' appears twice in the layout");

    internal static AutoGradException UnknownParameter(string name, IEnumerable<string> names) =>
        Plain(ErrorKind.Binding,
            $"'{name}' is not a parameter of the layout"
            + $" (its parameters are {string.Join(", ", names)})");

    internal static AutoGradException MissingParameterValue(string name, int rows, int columns) =>
        Plain(ErrorKind.Binding,
            $"no value is given for the parameter '{name}' ({rows}x{columns})");

    internal static AutoGradException ParameterValueShape(
        string name, int rows, int columns, int actualRows, int actualColumns) =>
        Plain(ErrorKind.Binding,
            $"the parameter '{name}' is {rows}x{columns} in the layout,"
            + $" but the value given for it is {actualRows}x{actualColumns}");

    internal static AutoGradException FlatLength(string what, int expected, int actual) =>
        Plain(ErrorKind.Binding,
            $"the {what} vector has {actual} entries, but the layout needs {expected}");

    internal static AutoGradException ParameterNotDifferentiated(
        string name, IEnumerable<string> wrt) =>
        Plain(ErrorKind.Binding,
            $"the parameter '{name}' has no gradient: the objective was compiled with respect to "
            + $"{FormatNames(wrt)}; compile it with respect to every parameter of the layout");

    internal static AutoGradException WrtNotInLayout(string name) =>
        Plain(ErrorKind.Binding,
            $"the objective is differentiated with respect to '{name}',"
            + " but the layout has no place for it");

    internal static AutoGradException DataIsParameter(string name) =>
        Plain(ErrorKind.Binding,
            $"'{name}' is given both as data and as a parameter; give it as one of them");

    private static string FormatNames(IEnumerable<string> names)
    {
        string joined = string.Join(", ", names.Select(n => $"'{n}'"));
        return joined.Length > 0 ? joined : "nothing";
    }
}

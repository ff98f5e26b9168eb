namespace AutoGrad.Diagnostics;

// Errors found in the values bound at call time by the linear-algebra kernels.
internal static partial class Errors
{
    internal static AutoGradException Singular(string op, string subject, int n) =>
        Plain(ErrorKind.Binding,
            $"{op} needs an invertible matrix, but the {n}x{n} value of {subject} is singular "
            + "(to working precision) at the bound values");

    internal static AutoGradException NotPositiveDeterminant(string subject, int n, double det) =>
        Plain(ErrorKind.Binding,
            $"logdet needs a positive determinant (a positive definite matrix), but the {n}x{n} "
            + $"value of {subject} has determinant {Syntax.Printer.FormatNumber(det)}; "
            + "use log(abs(det(X))) for the log of its magnitude");
}

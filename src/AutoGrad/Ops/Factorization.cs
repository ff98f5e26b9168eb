using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace AutoGrad.Ops;

/// <summary>
/// What the linear-algebra kernels share: MathNet views of column-major storage, an LU
/// factorisation that rejects a singular matrix by name, and that name.
/// </summary>
internal static class Factorization
{
    private const int SubjectWidth = 60;

    /// <summary>A rows x cols matrix over column-major storage, without copying.</summary>
    public static Matrix<double> View(double[] x, int rows, int cols) =>
        Matrix<double>.Build.Dense(rows, cols, x.Length == rows * cols ? x : x[..(rows * cols)]);

    /// <summary>
    /// The LU factorisation of a square matrix, or the error that it is singular: a pivot
    /// below n * eps times its largest entry (or a non-finite one) counts as zero.
    /// </summary>
    public static LU<double> Lu(Matrix<double> x, string op, Func<string> subject)
    {
        LU<double> lu = x.LU();
        double scale = x.RowCount * Math.Pow(2, -52) * x.Enumerate().Max(Math.Abs);
        for (int i = 0; i < x.RowCount; i++)
        {
            double pivot = Math.Abs(lu.U[i, i]);
            if (!(pivot > scale) || double.IsInfinity(pivot))
            {
                throw Errors.Singular(op, subject(), x.RowCount);
            }
        }
        return lu;
    }

    /// <summary>How an error names the matrix <paramref name="node"/>: its formula.</summary>
    public static string Subject(Node node)
    {
        string text;
        try
        {
            text = Syntax.Printer.Print(node);
        }
        catch (AutoGradException)
        {
            text = "...";
        }
        return "'" + (text.Length <= SubjectWidth ? text : text[..SubjectWidth] + "...") + "'";
    }

    /// <summary>The name of the first input of the node being evaluated, made when asked.</summary>
    public static Func<string> SubjectOf(EvalContext context)
    {
        Node? node = context.Current;
        return () => node is null ? "the matrix" : Subject(node.Inputs[0]);
    }
}

using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// How a reduction over dimension 1 (columns), 2 (rows) or 0 (all entries) walks column-major
/// storage: group g of the result reads entries Index(g, 0) ... Index(g, Length - 1).
/// </summary>
internal readonly record struct Reduction(int Groups, int Length, int GroupStep, int Stride)
{
    /// <summary>The walk of a rows x cols matrix reduced along <paramref name="dim"/>.</summary>
    public static Reduction Of(int rows, int cols, int dim) => dim switch
    {
        1 => new(cols, rows, rows, 1),
        2 => new(rows, cols, 1, rows),
        _ => new(1, rows * cols, 0, 1),
    };

    /// <summary>The storage index of entry k of group g.</summary>
    public int Index(int g, int k) => (g * GroupStep) + (k * Stride);

    /// <summary>
    /// The reference evaluation of a reduction op: its compiled kernel, run on the input's
    /// column-major copy into a matrix of the output's size.
    /// </summary>
    public static Matrix<double> Evaluate(Matrix<double> x, (int Rows, int Cols) output, int dim,
        Action<double[], int, int, int, double[]> kernel)
    {
        var values = new double[output.Rows * output.Cols];
        kernel(x.ToColumnMajorArray(), x.RowCount, x.ColumnCount, dim, values);
        return Matrix<double>.Build.Dense(output.Rows, output.Cols, values);
    }
}

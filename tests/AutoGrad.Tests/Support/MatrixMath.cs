using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Tests.Support;

/// <summary>
/// The few MATLAB forms that closed-form gradients need, written with MathNet, independently of
/// the library's kernels.
/// </summary>
internal static class MatrixMath
{
    /// <summary><c>ones(rows, cols)</c></summary>
    public static Matrix<double> Ones(int rows, int cols) =>
        Matrix<double>.Build.Dense(rows, cols, 1.0);

    /// <summary><c>eye(n)</c></summary>
    public static Matrix<double> Eye(int n) => Matrix<double>.Build.DenseIdentity(n);

    /// <summary><c>sum(X, 1)</c>: a 1 x c row of column sums.</summary>
    public static Matrix<double> SumColumns(Matrix<double> x) =>
        Matrix<double>.Build.DenseOfRowVectors(x.ColumnSums());

    /// <summary><c>sum(X, 2)</c>: an r x 1 column of row sums.</summary>
    public static Matrix<double> SumRows(Matrix<double> x) =>
        Matrix<double>.Build.DenseOfColumnVectors(x.RowSums());

    /// <summary><c>sum(X, 'all')</c></summary>
    public static double SumAll(Matrix<double> x) => x.Enumerate().Sum();

    /// <summary>A column or row repeated to rows x cols, as implicit expansion would.</summary>
    public static Matrix<double> Expand(Matrix<double> x, int rows, int cols) =>
        Matrix<double>.Build.Dense(rows, cols,
            (i, j) => x[x.RowCount == 1 ? 0 : i, x.ColumnCount == 1 ? 0 : j]);

    /// <summary><c>reshape(X, rows, cols)</c>, column-major like MATLAB.</summary>
    public static Matrix<double> Reshape(Matrix<double> x, int rows, int cols) =>
        Matrix<double>.Build.Dense(rows, cols, x.ToColumnMajorArray());

    /// <summary>f applied to every entry.</summary>
    public static Matrix<double> Map(Matrix<double> x, Func<double, double> f) =>
        x.Map(f, Zeros.Include);

    /// <summary>f applied to matching entries of two matrices of one shape.</summary>
    public static Matrix<double> Map2(
        Matrix<double> x, Matrix<double> y, Func<double, double, double> f) =>
        Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (i, j) => f(x[i, j], y[i, j]));

    /// <summary>The logistic function 1 / (1 + exp(-x)).</summary>
    public static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>1 where the test holds, else 0.</summary>
    public static double Indicator(bool test) => test ? 1 : 0;

    /// <summary>The entries of x multiplied by the entries of y.</summary>
    public static Matrix<double> Times(Matrix<double> x, Matrix<double> y) =>
        x.PointwiseMultiply(y);
}

using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.IO;

/// <summary>
/// An array read from a NumPy .npy file, converted to doubles and to column-major order, the
/// order the rest of the library and MathNet.Numerics use.
/// </summary>
public sealed class NpyArray
{
    internal NpyArray(int rows, int columns, double[] columnMajor, bool wasVector)
    {
        Debug.Assert(
            (long)rows * columns == columnMajor.Length,
            $"{rows}x{columns} does not fit {columnMajor.Length} values");
        Rows = rows;
        Columns = columns;
        ColumnMajor = columnMajor;
        WasVector = wasVector;
    }

    /// <summary>The number of rows: the first dimension, or 1 for a 0-d array.</summary>
    public int Rows { get; }

    /// <summary>The number of columns: the second dimension, or 1 for a 0-d or 1-d array.</summary>
    public int Columns { get; }

    /// <summary>
    /// The values in column-major order: entry (i, j) is at <c>i + j * Rows</c>, counting from 0.
    /// </summary>
    public double[] ColumnMajor { get; }

    /// <summary>
    /// True when the file held a 1-d array of shape <c>(n,)</c>, read as an n x 1 column.
    /// </summary>
    public bool WasVector { get; }

    /// <summary>
    /// The values as a dense matrix. The matrix uses <see cref="ColumnMajor"/> as its storage
    /// without copying, so a change to one shows in the other.
    /// </summary>
    public Matrix<double> ToMatrix() => Matrix<double>.Build.Dense(Rows, Columns, ColumnMajor);
}

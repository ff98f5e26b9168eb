using System.Buffers;
using System.Numerics;

namespace AutoGrad.Runtime;

/// <summary>
/// A managed <see cref="IBlas"/> for machines without OpenBLAS: plain column-major loops,
/// vectorised along contiguous columns with <see cref="Vector{T}"/>.
/// </summary>
internal sealed class ManagedBlas : IBlas
{
    private ManagedBlas()
    {
    }

    /// <summary>The one instance; the type holds no state.</summary>
    public static ManagedBlas Instance { get; } = new();

    /// <summary>The name used in reports and by <c>AUTOGRAD_BLAS</c>.</summary>
    public string Name => "managed";

    /// <inheritdoc/>
    public void Gemm(bool transA, bool transB, int m, int n, int k, double alpha, double[] a,
        int lda, double[] b, int ldb, double beta, double[] c, int ldc)
    {
        CheckArguments(transA, transB, m, n, k, a, lda, b, ldb, c, ldc);

        ScaleC(m, n, beta, c, ldc);
        if (m == 0 || n == 0 || k == 0 || alpha == 0)
        {
            return;
        }

        if (transA)
        {
            AddTransposedA(transB, m, n, k, alpha, a, lda, b, ldb, c, ldc);
        }
        else
        {
            AddPlainA(transB, m, n, k, alpha, a, lda, b, ldb, c, ldc);
        }
    }

    /// <summary>
    /// C = beta * C on the m x n block of <paramref name="c"/>; beta = 0 writes zeros without
    /// reading C, so NaN or infinity already in C does not survive.
    /// </summary>
    internal static void ScaleC(int m, int n, double beta, double[] c, int ldc)
    {
        if (beta == 1 || m == 0)
        {
            return;
        }

        for (int j = 0; j < n; j++)
        {
            Span<double> cj = c.AsSpan(j * ldc, m);
            if (beta == 0)
            {
                cj.Clear();
            }
            else
            {
                Scale(beta, cj);
            }
        }
    }

    /// <summary>
    /// Checks sizes and leading dimensions as the reference BLAS does, and array lengths as
    /// well, since a native library would read or write past the end of a short array.
    /// </summary>
    internal static void CheckArguments(bool transA, bool transB, int m, int n, int k,
        double[] a, int lda, double[] b, int ldb, double[] c, int ldc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);

        // A is stored as m x k (k x m when transposed), B as k x n (n x k), C as m x n.
        CheckStored(a, transA ? k : m, transA ? m : k, lda, nameof(a), nameof(lda));
        CheckStored(b, transB ? n : k, transB ? k : n, ldb, nameof(b), nameof(ldb));
        CheckStored(c, m, n, ldc, nameof(c), nameof(ldc));
    }

    private static void CheckStored(double[] x, int rows, int cols, int ld, string name,
        string ldName)
    {
        if (ld < Math.Max(1, rows))
        {
            throw new ArgumentOutOfRangeException(ldName, ld,
                $"The leading dimension of {name} must be at least max(1, {rows}), "
                + "the rows it stores.");
        }

        // The last element is at (rows - 1) + (cols - 1) * ld.
        long needed = rows == 0 || cols == 0 ? 0 : (long)(cols - 1) * ld + rows;
        if (x.Length < needed)
        {
            throw new ArgumentException(
                $"{name} holds {x.Length} elements, but a {rows} x {cols} matrix with leading "
                + $"dimension {ld} needs {needed}.", name);
        }
    }

    // C(:, j) += sum_p alpha * op(B)(p, j) * A(:, p): an axpy down each contiguous column of
    // A, so the inner loop streams A and C (the j-p-i order).
    private static void AddPlainA(bool transB, int m, int n, int k, double alpha, double[] a,
        int lda, double[] b, int ldb, double[] c, int ldc)
    {
        for (int j = 0; j < n; j++)
        {
            Span<double> cj = c.AsSpan(j * ldc, m);
            for (int p = 0; p < k; p++)
            {
                double bpj = transB ? b[j + p * ldb] : b[p + j * ldb];
                Axpy(alpha * bpj, a.AsSpan(p * lda, m), cj);
            }
        }
    }

    // C(i, j) += alpha * A(:, i) . op(B)(:, j): column i of the stored A is row i of A', so
    // each entry is a dot product of two contiguous vectors once op(B)(:, j) is contiguous.
    private static void AddTransposedA(bool transB, int m, int n, int k, double alpha,
        double[] a, int lda, double[] b, int ldb, double[] c, int ldc)
    {
        double[]? rented = transB ? ArrayPool<double>.Shared.Rent(k) : null;
        try
        {
            for (int j = 0; j < n; j++)
            {
                ReadOnlySpan<double> bj = rented is null
                    ? b.AsSpan(j * ldb, k)
                    : GatherRow(b, ldb, j, k, rented);
                Span<double> cj = c.AsSpan(j * ldc, m);
                for (int i = 0; i < m; i++)
                {
                    cj[i] += alpha * Dot(a.AsSpan(i * lda, k), bj);
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    // Row j of the stored B (every ldb-th element) is column j of B'.
    private static ReadOnlySpan<double> GatherRow(double[] b, int ldb, int j, int k,
        double[] buffer)
    {
        for (int p = 0; p < k; p++)
        {
            buffer[p] = b[j + p * ldb];
        }

        return buffer.AsSpan(0, k);
    }

    // y = t * x + y
    private static void Axpy(double t, ReadOnlySpan<double> x, Span<double> y)
    {
        int width = Vector<double>.Count;
        var tv = new Vector<double>(t);
        int i = 0;
        for (; i <= y.Length - width; i += width)
        {
            Vector<double> yi = new Vector<double>(y[i..]) + tv * new Vector<double>(x[i..]);
            yi.CopyTo(y[i..]);
        }

        for (; i < y.Length; i++)
        {
            y[i] += t * x[i];
        }
    }

    // x . y
    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int width = Vector<double>.Count;
        Vector<double> sum = Vector<double>.Zero;
        int i = 0;
        for (; i <= x.Length - width; i += width)
        {
            sum += new Vector<double>(x[i..]) * new Vector<double>(y[i..]);
        }

        double total = Vector.Sum(sum);
        for (; i < x.Length; i++)
        {
            total += x[i] * y[i];
        }

        return total;
    }

    // x = beta * x
    private static void Scale(double beta, Span<double> x)
    {
        int width = Vector<double>.Count;
        var bv = new Vector<double>(beta);
        int i = 0;
        for (; i <= x.Length - width; i += width)
        {
            (bv * new Vector<double>(x[i..])).CopyTo(x[i..]);
        }

        for (; i < x.Length; i++)
        {
            x[i] *= beta;
        }
    }
}

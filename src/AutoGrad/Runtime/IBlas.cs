namespace AutoGrad.Runtime;

/// <summary>
/// The one interface every matrix product goes through. All matrices are column-major
/// <see cref="double"/> arrays, as in the reference BLAS.
/// </summary>
public interface IBlas
{
    /// <summary>A short name for reports, e.g. <c>openblas</c> or <c>managed</c>.</summary>
    string Name { get; }

    /// <summary>
    /// C = alpha * op(A) * op(B) + beta * C, where op(X) is X or X' as the flags say; op(A) is
    /// m x k, op(B) is k x n and C is m x n. <paramref name="lda"/>, <paramref name="ldb"/> and
    /// <paramref name="ldc"/> are the leading dimensions (rows as stored). When beta is 0, C is
    /// overwritten and its old contents are never read (NaN in C does not propagate).
    /// </summary>
    void Gemm(bool transA, bool transB, int m, int n, int k, double alpha, double[] a, int lda,
        double[] b, int ldb, double beta, double[] c, int ldc);
}

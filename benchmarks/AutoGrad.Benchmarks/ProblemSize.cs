namespace AutoGrad.Benchmarks;

/// <summary>
/// The three sizes of issue 4. A is n x k, s is k x m, x is n x m, V is k x k, W is k x n.
/// </summary>
public enum ProblemSize
{
    /// <summary>n = 8, k = 8, m = 10: call overhead dominates.</summary>
    Small,

    /// <summary>n = 64, k = 121, m = 2000: the UFLDL exercise's sizes.</summary>
    Ufldl,

    /// <summary>n = 256, k = 512, m = 4096: BLAS throughput dominates.</summary>
    Large,
}

using AutoGrad.Runtime;

namespace AutoGrad.Benchmarks.ClosedForms;

/// <summary>
/// <c>norm(A*s - x,'fro')^2 + gamma*norm(A,'fro')^2</c> with respect to A:
/// R = A*s - x, value = |R|^2 + gamma*|A|^2, dA = 2*R*s' + 2*gamma*A. Two GEMMs.
/// </summary>
public sealed class SparseCodingClosedForm(Dims d, double gamma, double[] a, double[] s,
    double[] x) : ClosedForm
{
    private readonly IBlas _blas = Blas.Current;
    private readonly double[] _residual = new double[d.N * d.M];

    /// <inheritdoc/>
    public override int GemmCalls => 2;

    /// <inheritdoc/>
    public override double Evaluate(double[] gradient)
    {
        int n = d.N, k = d.K, m = d.M;

        // R = A*s - x
        x.CopyTo(_residual, 0);
        _blas.Gemm(false, false, n, m, k, 1, a, n, s, k, -1, _residual, n);
        double value = Dense.SumOfSquares(_residual) + gamma * Dense.SumOfSquares(a);

        // dA = 2*R*s' + 2*gamma*A
        a.CopyTo(gradient, 0);
        _blas.Gemm(false, true, n, k, m, 2, _residual, n, s, k, 2 * gamma, gradient, n);
        return value;
    }
}

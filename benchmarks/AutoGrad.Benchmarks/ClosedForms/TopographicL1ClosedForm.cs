using AutoGrad.Runtime;

namespace AutoGrad.Benchmarks.ClosedForms;

/// <summary>
/// <c>sum(sum(sqrt(V*(s.^2) + eps)))</c> with respect to s: T = V*(s.^2) + eps,
/// value = sum(sqrt(T)), ds = (V' * T.^(-1/2)) .* s. Two GEMMs.
/// </summary>
public sealed class TopographicL1ClosedForm(Dims d, double eps, double[] v, double[] s)
    : ClosedForm
{
    private readonly IBlas _blas = Blas.Current;
    private readonly double[] _squares = new double[d.K * d.M];
    private readonly double[] _pooled = new double[d.K * d.M];

    /// <inheritdoc/>
    public override int GemmCalls => 2;

    /// <inheritdoc/>
    public override double Evaluate(double[] gradient)
    {
        int k = d.K, m = d.M;
        for (int i = 0; i < _squares.Length; i++)
        {
            _squares[i] = s[i] * s[i];
        }
        _blas.Gemm(false, false, k, m, k, 1, v, k, _squares, k, 0, _pooled, k);

        // value = sum(sqrt(T)); the pooled buffer then holds T.^(-1/2)
        double value = 0;
        for (int i = 0; i < _pooled.Length; i++)
        {
            double root = Math.Sqrt(_pooled[i] + eps);
            value += root;
            _pooled[i] = 1 / root;
        }

        // ds = (V' * T.^(-1/2)) .* s
        _blas.Gemm(true, false, k, m, k, 1, v, k, _pooled, k, 0, gradient, k);
        for (int i = 0; i < gradient.Length; i++)
        {
            gradient[i] *= s[i];
        }
        return value;
    }
}

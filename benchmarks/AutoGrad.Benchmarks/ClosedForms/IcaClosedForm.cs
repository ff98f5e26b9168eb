using AutoGrad.Runtime;

namespace AutoGrad.Benchmarks.ClosedForms;

/// <summary>
/// <c>norm(W'*W*x - x,'fro')^2</c> with respect to W, the way a careful hand writes it:
/// G = W'*W, R = G*x - x, value = |R|^2, M = R*x', dW = 2*W*(M + M'). The seed's
/// <c>2*W*R*x' + 2*(W*x)*R'</c> is the same gradient, since (W*x)*R' = W*(R*x')'. Four GEMMs;
/// forming the n x n matrices first is cheapest whenever n is at most k and m, as at all three
/// sizes.
/// </summary>
public sealed class IcaClosedForm(Dims d, double[] w, double[] x) : ClosedForm
{
    private readonly IBlas _blas = Blas.Current;
    private readonly double[] _gram = new double[d.N * d.N];
    private readonly double[] _residual = new double[d.N * d.M];
    private readonly double[] _outer = new double[d.N * d.N];

    /// <inheritdoc/>
    public override int GemmCalls => 4;

    /// <inheritdoc/>
    public override double Evaluate(double[] gradient)
    {
        int n = d.N, k = d.K, m = d.M;

        // G = W'*W; R = G*x - x
        _blas.Gemm(true, false, n, n, k, 1, w, k, w, k, 0, _gram, n);
        x.CopyTo(_residual, 0);
        _blas.Gemm(false, false, n, m, n, 1, _gram, n, x, n, -1, _residual, n);
        double value = Dense.SumOfSquares(_residual);

        // M = R*x'; dW = 2*W*(M + M')
        _blas.Gemm(false, true, n, n, m, 1, _residual, n, x, n, 0, _outer, n);
        for (int j = 0; j < n; j++)
        {
            for (int i = j; i < n; i++)
            {
                double sum = _outer[i + j * n] + _outer[j + i * n];
                _outer[i + j * n] = sum;
                _outer[j + i * n] = sum;
            }
        }
        _blas.Gemm(false, false, k, n, n, 2, w, k, _outer, n, 0, gradient, k);
        return value;
    }
}

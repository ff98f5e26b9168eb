using AutoGrad.Runtime;
using BenchmarkDotNet.Attributes;

namespace AutoGrad.Benchmarks;

/// <summary>
/// A plain C = A*s, (n x k) times (k x m), on <see cref="Blas.Current"/> at each size: the
/// GFLOP/s the examples' products can reach.
/// </summary>
[MemoryDiagnoser]
[GflopsColumn]
public class DgemmBenchmarks
{
    private double[] _a = [];
    private double[] _s = [];
    private double[] _c = [];
    private IBlas _blas = Blas.Managed;
    private Dims _dims;

    /// <summary>The sizes n, k, m.</summary>
    [Params(ProblemSize.Small, ProblemSize.Ufldl, ProblemSize.Large)]
    public ProblemSize Size { get; set; }

    /// <summary>Random operands on the current backend.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _dims = Dims.Of(Size);
        var random = new Random(7);
        _a = Dense.Random(random, _dims.N, _dims.K, -1, 1);
        _s = Dense.Random(random, _dims.K, _dims.M, -1, 1);
        _c = new double[_dims.N * _dims.M];
        _blas = Blas.Current;
    }

    /// <summary>C = A*s.</summary>
    [Benchmark]
    public double[] Dgemm()
    {
        _blas.Gemm(false, false, _dims.N, _dims.M, _dims.K, 1, _a, _dims.N, _s, _dims.K, 0,
            _c, _dims.N);
        return _c;
    }
}

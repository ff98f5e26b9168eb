using AutoGrad.Benchmarks.Examples;
using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Benchmarks;

/// <summary>
/// Value plus gradient of one seed example at each size: compiled against the closed form
/// (the baseline) and the reference interpreter. Each setup checks its path first.
/// </summary>
[MemoryDiagnoser]
[GflopsColumn]
public abstract class SeedBenchmark
{
    private Workload? _workload;

    /// <summary>The sizes n, k, m.</summary>
    [Params(ProblemSize.Small, ProblemSize.Ufldl, ProblemSize.Large)]
    public ProblemSize Size { get; set; }

    /// <summary>The example this class times.</summary>
    public abstract Seed Example { get; }

    private Workload Work => _workload ?? throw new InvalidOperationException("no setup ran");

    /// <summary>Builds the workload and checks the compiled path against the closed form.</summary>
    [GlobalSetup(Targets = [nameof(Compiled), nameof(ClosedForm)])]
    public void Setup()
    {
        _workload = new Workload(SeedExample.Of(Example), Dims.Of(Size));
        _workload.VerifyCompiled();
    }

    /// <summary>As <see cref="Setup"/>, and checks the interpreter too.</summary>
    [GlobalSetup(Target = nameof(Interpreter))]
    public void SetupInterpreter()
    {
        Setup();
        Work.VerifyInterpreter();
    }

    /// <summary>The compiled function, array overload, preallocated gradient.</summary>
    [Benchmark]
    public double Compiled() => Work.RunCompiled();

    /// <summary>The hand-written closed form on the same BLAS.</summary>
    [Benchmark(Baseline = true)]
    public double ClosedForm() => Work.RunClosedForm();

    /// <summary>The reference interpreter walking the same gradient graph.</summary>
    [Benchmark]
    public Matrix<double>[] Interpreter() => Work.RunInterpreter();
}

using AutoGrad.Benchmarks.Examples;
using BenchmarkDotNet.Attributes;

namespace AutoGrad.Benchmarks;

/// <summary>Parse, differentiate and compile each seed example (UFLDL shapes).</summary>
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private SeedExample? _example;

    /// <summary>The example to compile.</summary>
    [Params(Seed.SparseCoding, Seed.TopographicL1, Seed.Ica)]
    public Seed Example { get; set; }

    /// <summary>Picks the example and checks that its compiled form is right.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _example = SeedExample.Of(Example);
        new Workload(_example, Dims.Of(ProblemSize.Small)).VerifyCompiled();
    }

    /// <summary>Objective.Parse, then Compile (which differentiates).</summary>
    [Benchmark]
    public CompiledObjective ParseDifferentiateCompile()
    {
        SeedExample example = _example ?? throw new InvalidOperationException("no setup ran");
        return example.Parse(Dims.Of(ProblemSize.Ufldl)).Compile(example.Wrt);
    }
}

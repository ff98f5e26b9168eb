using AutoGrad.Benchmarks.Examples;

namespace AutoGrad.Benchmarks;

/// <summary>Seed example: <see cref="IcaExample"/>.</summary>
public class IcaBenchmarks : SeedBenchmark
{
    /// <inheritdoc/>
    public override Seed Example => Seed.Ica;
}

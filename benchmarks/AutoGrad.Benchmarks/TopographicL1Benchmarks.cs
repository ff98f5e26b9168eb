using AutoGrad.Benchmarks.Examples;

namespace AutoGrad.Benchmarks;

/// <summary>Seed example: <see cref="TopographicL1Example"/>.</summary>
public class TopographicL1Benchmarks : SeedBenchmark
{
    /// <inheritdoc/>
    public override Seed Example => Seed.TopographicL1;
}

using AutoGrad.Benchmarks.Examples;

namespace AutoGrad.Benchmarks;

/// <summary>Seed example: <see cref="SparseCodingExample"/>.</summary>
public class SparseCodingBenchmarks : SeedBenchmark
{
    /// <inheritdoc/>
    public override Seed Example => Seed.SparseCoding;
}

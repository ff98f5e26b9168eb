using BenchmarkDotNet.Attributes;

namespace AutoGrad.Benchmarks;

/// <summary>Adds <see cref="GflopsColumn"/> to a benchmark class's summary.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GflopsColumnAttribute : ColumnConfigBaseAttribute
{
    /// <summary>The attribute; it takes no arguments.</summary>
    public GflopsColumnAttribute() : base(new GflopsColumn())
    {
    }
}

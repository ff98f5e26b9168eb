using AutoGrad.Benchmarks.Examples;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AutoGrad.Benchmarks;

/// <summary>
/// GFLOP/s from the median time: the closed form's GEMM flops for a seed example (so the
/// compiled and interpreted rows show the rate they achieve on the same work), 2nkm for a
/// plain dgemm.
/// </summary>
public sealed class GflopsColumn : IColumn
{
    /// <inheritdoc/>
    public string Id => nameof(GflopsColumn);

    /// <inheritdoc/>
    public string ColumnName => "GFLOP/s";

    /// <inheritdoc/>
    public bool AlwaysShow => true;

    /// <inheritdoc/>
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc/>
    public int PriorityInCategory => 0;

    /// <inheritdoc/>
    public bool IsNumeric => true;

    /// <inheritdoc/>
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc/>
    public string Legend =>
        "GEMM flops of the closed form (dgemm: 2nkm) divided by the median time";

    /// <summary>The flops one call of <paramref name="benchmark"/> is credited with.</summary>
    public static double? Flops(BenchmarkCase benchmark)
    {
        if (benchmark.Parameters["Size"] is not ProblemSize size)
        {
            return null;
        }
        Dims d = Dims.Of(size);
        object instance = Activator.CreateInstance(benchmark.Descriptor.Type)!;
        return instance switch
        {
            SeedBenchmark seed => SeedExample.Of(seed.Example).ClosedFormFlops(d),
            DgemmBenchmarks => 2.0 * d.N * d.K * d.M,
            _ => null,
        };
    }

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    /// <inheritdoc/>
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? median = summary[benchmarkCase]?.ResultStatistics?.Median;
        double? flops = Flops(benchmarkCase);
        return median is > 0 && flops is not null
            ? (flops.Value / median.Value).ToString("0.00", style.CultureInfo)
            : "-";
    }

    /// <inheritdoc/>
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc/>
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

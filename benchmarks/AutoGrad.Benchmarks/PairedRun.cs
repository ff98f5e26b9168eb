using System.Diagnostics;
using System.Globalization;
using AutoGrad.Benchmarks.Examples;

namespace AutoGrad.Benchmarks;

/// <summary>
/// <c>--paired [SECONDS]</c>: compiled and closed form timed in alternating batches in one
/// process, so both see the same load. On a shared machine the ratio from interleaved pairs
/// is steadier than one from two BenchmarkDotNet processes run minutes apart.
/// </summary>
internal static class PairedRun
{
    private const double DefaultSeconds = 3;
    private const double BatchSeconds = 0.02;
    private const int MinPairs = 6;

    public static void Run(string[] args, TextWriter output)
    {
        double seconds = args.Length > 1
            ? double.Parse(args[1], CultureInfo.InvariantCulture) : DefaultSeconds;
        output.WriteLine("| Example | Size | Compiled median | Closed form median | "
            + "Ratio (median of pairs) | Pairs | Compiled bytes/call | GEMM calls |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (Seed seed in Enum.GetValues<Seed>())
        {
            foreach (ProblemSize size in Enum.GetValues<ProblemSize>())
            {
                output.WriteLine(Row(seed, size, seconds));
            }
        }
    }

    private static string Row(Seed seed, ProblemSize size, double seconds)
    {
        var work = new Workload(SeedExample.Of(seed), Dims.Of(size));
        work.VerifyCompiled();
        int batch = BatchSize(work);
        var compiled = new List<double>();
        var closed = new List<double>();
        var ratios = new List<double>();
        long bytes = 0;
        var clock = Stopwatch.StartNew();
        for (int pair = 0; pair < MinPairs || clock.Elapsed.TotalSeconds < seconds; pair++)
        {
            // Alternate which side goes first, so a load that drifts favours neither.
            bool compiledFirst = pair % 2 == 0;
            double closedTime = compiledFirst ? 0 : Time(work.RunClosedForm, batch, out _);
            double compiledTime = Time(work.RunCompiled, batch, out long allocated);
            if (compiledFirst)
            {
                closedTime = Time(work.RunClosedForm, batch, out _);
            }
            bytes += allocated;
            compiled.Add(compiledTime);
            closed.Add(closedTime);
            ratios.Add(compiledTime / closedTime);
        }
        long calls = (long)compiled.Count * batch;
        return string.Create(CultureInfo.InvariantCulture,
            $"| {seed} | {size} | {Format(Median(compiled))} | {Format(Median(closed))} | "
            + $"{Median(ratios):0.00} | {compiled.Count} | {(double)bytes / calls:0.#} | "
            + $"{work.Compiled.MatrixProducts} vs {work.ClosedForm.GemmCalls} |");
    }

    private static int BatchSize(Workload work)
    {
        for (int i = 0; i < 3; i++)
        {
            work.RunCompiled();
            work.RunClosedForm();
        }
        long start = Stopwatch.GetTimestamp();
        work.RunClosedForm();
        double one = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return (int)Math.Clamp(BatchSeconds / Math.Max(one, 1e-9), 1, 1_000_000);
    }

    // Seconds per call over one batch, and the bytes the batch allocated.
    private static double Time(Func<double> call, int batch, out long bytes)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < batch; i++)
        {
            call();
        }
        double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return elapsed / batch;
    }

    private static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static string Format(double seconds) => seconds switch
    {
        < 1e-3 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e6:0.000} us"),
        < 1 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e3:0.000} ms"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds:0.000} s"),
    };
}

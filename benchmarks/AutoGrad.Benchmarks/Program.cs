using AutoGrad.Runtime;
using BenchmarkDotNet.Running;

namespace AutoGrad.Benchmarks;

/// <summary>
/// Runs the benchmarks that the command line selects, e.g.
/// <c>dotnet run -c Release -- --filter '*Ica*' --job short</c>, or the interleaved
/// comparison with <c>--paired [SECONDS]</c>; see README.md.
/// </summary>
public static class Program
{
    /// <summary>Entry point: BenchmarkDotNet's switcher over this assembly.</summary>
    public static void Main(string[] args)
    {
        Console.WriteLine($"// AutoGrad BLAS backend: {Blas.BackendName}");
        if (args.Length > 0 && args[0] == "--paired")
        {
            PairedRun.Run(args, Console.Out);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}

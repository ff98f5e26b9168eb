using System.Runtime.CompilerServices;
using CsCheck;
using NUnit.Framework;

namespace AutoGrad.Tests.Properties;

/// <summary>
/// Runs a property over generated cases. By default the cases come from fixed seeds, so every
/// run (and CI) checks the same ones. Two environment variables widen the search:
/// <c>AUTOGRAD_PROPERTY_ITER=N</c> runs N cases from fresh random seeds through CsCheck, which
/// shrinks a failure to a small example; <c>AUTOGRAD_PROPERTY_SEED=S</c> replays the one case
/// of seed S that a failure reported.
/// </summary>
internal static class PropertyRun
{
    /// <summary>The variable that asks for N random cases instead of the fixed ones.</summary>
    public const string IterVariable = "AUTOGRAD_PROPERTY_ITER";

    /// <summary>The variable that replays one case by its seed.</summary>
    public const string SeedVariable = "AUTOGRAD_PROPERTY_SEED";

    private const ulong FixedSeed = 20_261_203;

    /// <summary>
    /// Checks <paramref name="property"/> on <paramref name="cases"/> cases of
    /// <paramref name="gen"/>; it fails by throwing.
    /// </summary>
    public static void Check<T>(Gen<T> gen, int cases, Action<T> property,
        [CallerMemberName] string name = "")
    {
        string? seed = Environment.GetEnvironmentVariable(SeedVariable);
        if (!string.IsNullOrEmpty(seed))
        {
            gen.Sample(property, seed: seed, iter: 1, threads: 1);
            return;
        }
        if (long.TryParse(Environment.GetEnvironmentVariable(IterVariable), out long iter))
        {
            gen.Sample(property, iter: iter);
            return;
        }
        for (int i = 0; i < cases; i++)
        {
            var pcg = new PCG(1, FixedSeed + (ulong)i);
            string replay = pcg.ToString();
            T value = gen.Generate(pcg, null, out _);
            try
            {
                property(value);
            }
            catch (Exception e)
            {
                Assert.Fail($"{name}, case {i} ({SeedVariable}={replay} replays it):\n"
                    + $"{CsCheck.Check.Print(value)}\n"
                    + (e is AssertionException ? e.Message : e.ToString()));
            }
        }
    }
}

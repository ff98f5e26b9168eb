using AutoGrad.Graph;
using AutoGrad.Tests.Support;
using NUnit.Framework;

namespace AutoGrad.Tests.Robustness;

/// <summary>
/// One <see cref="CompiledObjective"/> called from many threads at once gives, bit for bit, what
/// one thread gives, and the same from one compile to the next, under both BLAS backends. The
/// objective is small (a 4x3 by 3x5 product) so that 80,000 calls take little time.
/// </summary>
[TestFixture]
public sealed class ConcurrencyTests
{
    private const int Threads = 8, CallsPerThread = 10_000, Points = 16;

    private const string Text = "A: 4 x 3; s: 3 x 5; x: 4 x 5; "
        + "norm(A*s - x,'fro')^2 + 0.1*sum(sum(abs(A))) + sum(sum(tanh(s)))";

    private static IEnumerable<string> Backends() => BlasScope.Backends;

    [TestCaseSource(nameof(Backends))]
    public void EightThreads_AgreeBitForBitWithOneThread(string backend)
    {
        using var scope = BlasScope.Use(backend);
        CompiledObjective compiled = Compile();
        double[][][] points = PointsFor(compiled);
        Result[] expected = [.. points.Select(p => Evaluate(compiled, p))];

        Result[][] seen = RunThreads(compiled, points);

        for (int t = 0; t < Threads; t++)
        {
            for (int p = 0; p < Points; p++)
            {
                AssertSameBits(expected[p], seen[t][p], $"thread {t}, point {p}, {backend}");
            }
        }
    }

    [TestCaseSource(nameof(Backends))]
    public void TwoCompiles_GiveTheSameBits(string backend)
    {
        using var scope = BlasScope.Use(backend);
        CompiledObjective first = Compile(), second = Compile();
        double[][][] points = PointsFor(first);

        for (int p = 0; p < Points; p++)
        {
            AssertSameBits(Evaluate(first, points[p]), Evaluate(second, points[p]),
                $"point {p}, {backend}");
        }
    }

    private static CompiledObjective Compile() => Objective.Parse(Text).Compile("A", "s");

    // Every thread calls every point in turn and keeps the last result at each point; any
    // call that differs from the one before at the same point fails the test at once.
    private static Result[][] RunThreads(CompiledObjective compiled, double[][][] points)
    {
        var seen = new Result[Threads][];
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            seen[t] = new Result[Points];
            for (int call = 0; call < CallsPerThread; call++)
            {
                int p = call % Points;
                Result result = Evaluate(compiled, points[p]);
                if (call >= Points && !seen[t][p].SameBits(result))
                {
                    failures.Enqueue($"thread {t}, call {call}: a repeated call differs");
                }
                seen[t][p] = result;
            }
        });
        Assert.That(failures, Is.Empty);
        return seen;
    }

    private static double[][][] PointsFor(CompiledObjective compiled)
    {
        var random = RandomData.For("concurrency");
        return [.. Enumerable.Range(0, Points).Select(_ => compiled.Shapes
            .Select(s => Entries(random, s)).ToArray())];
    }

    private static double[] Entries(Random random, Shape shape) =>
        [.. Enumerable.Range(0, (int)(shape.Rows.Coefficient * shape.Cols.Coefficient))
            .Select(_ => 2 * random.NextDouble() - 1)];

    private static Result Evaluate(CompiledObjective compiled, double[][] inputs)
    {
        double[][] gradients = [new double[12], new double[15]];
        double value = compiled.Evaluate(inputs, gradients);
        return new Result(value, gradients);
    }

    private static void AssertSameBits(Result expected, Result actual, string where)
    {
        Assert.That(actual.SameBits(expected), Is.True,
            $"{where}: value {actual.Value:R} against {expected.Value:R}");
    }

    private readonly record struct Result(double Value, double[][] Gradients)
    {
        public bool SameBits(Result other) =>
            BitConverter.DoubleToInt64Bits(Value) == BitConverter.DoubleToInt64Bits(other.Value)
            && Gradients.Zip(other.Gradients).All(g => Bits(g.First).SequenceEqual(Bits(g.Second)));

        private static IEnumerable<long> Bits(double[] values) =>
            values.Select(BitConverter.DoubleToInt64Bits);
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using AutoGrad.Cli;
using NUnit.Framework;

namespace AutoGrad.Tests.Cli;

/// <summary>
/// <c>autograd bench</c>: the last line that outside tooling reads, on random and on .npy
/// data, and each mistake in its arguments with its message.
/// </summary>
[TestFixture]
public sealed partial class BenchCommandTests
{
    private const string Ica = "norm(W'*W*x - x,'fro')^2";
    private const string IcaCase = "seed-3-ica-tied-weights";
    private const string Seconds = "0.2";

    // The seed's closed form of the ICA gradient, 2*W*((W'*W*x - x)*x') + 2*(W*x)*R', needs 5.
    private const int IcaClosedFormGemmCalls = 5;

    [Test]
    public void Bench_SeedIcaOnRandomData_LastLineReportsAtMostClosedFormGemmCalls()
    {
        var (code, lines, error) = Run("bench", Ica, "--shape", "W=12x8", "--shape", "x=8x30",
            "--wrt", "W", "--seconds", Seconds);

        Assert.That(code, Is.EqualTo(0), error);
        Match last = LastLine().Match(lines[^1]);
        Assert.That(last.Success, Is.True, lines[^1]);
        Assert.That(int.Parse(last.Groups["gemm"].Value, CultureInfo.InvariantCulture),
            Is.LessThanOrEqualTo(IcaClosedFormGemmCalls));
    }

    [Test]
    public void Bench_SeedIcaOnNpyData_LastLineReportsAtMostClosedFormGemmCalls()
    {
        string w = Path.Combine(TestPaths.SharedCases, IcaCase, "W.npy");
        string x = Path.Combine(TestPaths.SharedCases, IcaCase, "x.npy");

        var (code, lines, error) = Run("bench", Ica, "--data", "W=" + w, "--data", "x=" + x,
            "--wrt", "W", "--seconds", Seconds);

        Assert.That(code, Is.EqualTo(0), error);
        Match last = LastLine().Match(lines[^1]);
        Assert.That(last.Success, Is.True, lines[^1]);
        Assert.That(int.Parse(last.Groups["gemm"].Value, CultureInfo.InvariantCulture),
            Is.LessThanOrEqualTo(IcaClosedFormGemmCalls));
        Assert.That(lines, Has.Some.EqualTo($"inputs: W 4x6 from {w}, x 6x10 from {x}"));
    }

    [Test]
    public void Bench_DeclaredSymbolicShapes_TakeTheirSizesFromTheGivenShapes()
    {
        var (code, lines, error) = Run("bench", "W: k x n; x: n x m; " + Ica,
            "--shape", "W=5x3", "--shape", "x=3x7", "--wrt", "W", "--seconds", Seconds);

        Assert.That(code, Is.EqualTo(0), error);
        Assert.That(LastLine().IsMatch(lines[^1]), Is.True, lines[^1]);
        Assert.That(lines, Has.Some.EqualTo("inputs: W 5x3 random, x 3x7 random"));
    }

    [Test]
    public void Bench_UndeclaredSizeLeftOpen_SaysHowToGiveData()
    {
        var (code, _, error) = Run("bench", "W: k x n; x: n x m; " + Ica,
            "--shape", "W=5x3", "--wrt", "W", "--seconds", Seconds);

        Assert.That(code, Is.EqualTo(Program.InputError));
        Assert.That(error, Is.EqualTo("autograd: no data for 'x' of shape n x m: give "
            + "--shape x=RxC with numbers, or --data x=FILE.npy" + Environment.NewLine));
    }

    [Test]
    public void Bench_SymbolicShapeOption_IsRejected()
    {
        var (code, _, error) = Run("bench", Ica, "--shape", "W=k x n", "--shape", "x=8x30",
            "--seconds", Seconds);

        Assert.That(code, Is.EqualTo(Program.InputError));
        Assert.That(error, Is.EqualTo(
            "autograd: --shape W= needs numbers to make random data, got 'k x n'"
            + Environment.NewLine));
    }

    [TestCase("0")]
    [TestCase("-1")]
    public void Bench_NonPositiveSeconds_IsRejected(string seconds)
    {
        var (code, _, error) = Run("bench", Ica, "--shape", "W=4x6", "--shape", "x=6x10",
            "--seconds", seconds);

        Assert.That(code, Is.EqualTo(Program.InputError));
        Assert.That(error, Is.EqualTo(
            $"autograd: --seconds expects a positive number, got '{seconds}'"
            + Environment.NewLine));
    }

    [Test]
    public void Bench_ConflictingSizes_AreRejected()
    {
        var (code, _, error) = Run("bench", "W: k x n; x: n x m; " + Ica,
            "--shape", "W=5x3", "--shape", "x=4x7", "--seconds", Seconds);

        Assert.That(code, Is.EqualTo(Program.InputError));
        Assert.That(error, Is.EqualTo(
            "autograd: the size 'n' is 3 from one input but 4 from 'x'" + Environment.NewLine));
    }

    private static (int Code, string[] Lines, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = Program.Run(args, output, error);
        string[] lines = output.ToString().Split(Environment.NewLine,
            StringSplitOptions.RemoveEmptyEntries);
        return (code, lines, error.ToString());
    }

    [GeneratedRegex(@"^median_us=[0-9]+(\.[0-9]+)? allocated_bytes_per_call=[0-9]+(\.[0-9]+)? "
        + @"gemm_calls=(?<gemm>[0-9]+)$")]
    private static partial Regex LastLine();
}

using AutoGrad.Cli;
using AutoGrad.Cli.Commands;
using AutoGrad.IO;
using NUnit.Framework;

namespace AutoGrad.Tests.Cli;

/// <summary>
/// <c>autograd check</c>: 0 when the compiled gradient agrees with central differences, 1 when
/// it does not, 2 on a mistake in the arguments.
/// </summary>
[TestFixture]
public sealed class CheckCommandTests
{
    private const string Ica = "W: k x n; x: n x m; norm(W'*W*x - x,'fro')^2";
    private const string Rica =
        "W: k x n; x: n x m; lambda*sum(sum(sqrt((W*x).^2 + eps))) + 0.5*norm(W'*W*x - x,'fro')^2";
    private const string IcaCase = "seed-3-ica-tied-weights";

    private string _folder = "";

    private static IEnumerable<TestCaseData> Examples() =>
        Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "examples"), "*.ag")
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"autograd-check-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Check_NoData_DrawsSmallRandomValuesAndPasses()
    {
        CliRun run = CliRun.Of("check", Rica);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.OutputLines[0], Does.Match(
            @"^inputs: W [2-5]x[2-5] random, lambda 1x1 random, x [2-5]x[2-5] random \(seed 1\)$"));
        Assert.That(run.OutputLines[1..^1], Has.Length.EqualTo(3));
        Assert.That(run.OutputLines[1..^1],
            Has.All.Match(@"^d/d\w+  max relative error \S+  ok \(\d+ coordinates?\)$"));
        Assert.That(run.OutputLines[^1],
            Is.EqualTo("passed: every gradient agrees with central differences within 1E-06"));
    }

    [TestCaseSource(nameof(Examples))]
    public void Check_ExampleFileWithNoOtherArgument_Passes(string file)
    {
        CliRun run = CliRun.Of("check", "@" + Path.Combine(TestPaths.RepoRoot, "examples", file));

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.OutputLines[^1], Does.StartWith("passed: "));
    }

    [Test]
    public void Check_GivenData_ChecksTheNamedVariableOnIt()
    {
        string w = Path.Combine(TestPaths.SharedCases, IcaCase, "W.npy");
        string x = Path.Combine(TestPaths.SharedCases, IcaCase, "x.npy");

        CliRun run = CliRun.Of("check", Ica, "--data", "W=" + w, "--data", "x=" + x, "--wrt", "W");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        Assert.That(run.OutputLines[0],
            Is.EqualTo("inputs: W 4x6 from data, x 6x10 from data (seed 1)"));
        Assert.That(run.OutputLines[1],
            Does.Match(@"^d/dW  max relative error \S+  ok \(24 coordinates\)$"));
    }

    [Test]
    public void Check_ReluAtItsKink_ReportsTheEntryAndExitsOne()
    {
        // At x = 0 the central difference of (x > 0).*x is 1/2; the compiled derivative is 0.
        string x = Path.Combine(_folder, "x.npy");
        Npy.Write(x, [0.0, 1.0], 2, 1);

        CliRun run = CliRun.Of("check", "x: 2 x 1; sum((x > 0).*x)", "--data", "x=" + x);

        Assert.That(run.ExitCode, Is.EqualTo(CheckCommand.GradientWrong), run.Output + run.Error);
        Assert.That(run.OutputLines[1], Does.Match(
            @"^d/dx  max relative error \S+  WRONG at x\(1,1\): compiled 0,"
            + @" central difference 0\.5$"));
        Assert.That(run.OutputLines[^1], Is.EqualTo(
            "failed: 1 of 1 gradients disagree with central differences (tolerance 1E-06)"));
    }

    [Test]
    public void Check_InfiniteGradient_SaysWhereAndExitsOne()
    {
        string x = Path.Combine(_folder, "x.npy");
        Npy.Write(x, [4.0, 0.0], 2, 1);

        CliRun run = CliRun.Of("check", "x: 2 x 1; sum(sqrt(x))", "--data", "x=" + x);

        Assert.That(run.ExitCode, Is.EqualTo(CheckCommand.GradientWrong), run.Output + run.Error);
        Assert.That(run.OutputLines[1],
            Is.EqualTo("d/dx  not finite: the gradient of 'x' is Inf at (2,1)"));
    }

    [Test]
    public void Check_WrtOfAnUnknownName_ExitsTwo()
    {
        CliRun run = CliRun.Of("check", Ica, "--wrt", "V");

        Assert.That(run.ExitCode, Is.EqualTo(Program.InputError));
        Assert.That(run.Error, Is.EqualTo(
            "autograd: --wrt names 'V', which is not a variable of the objective"
            + " (its variables are W, x)\n"));
    }

    [Test]
    public void Check_SyntaxError_ExitsTwo()
    {
        CliRun run = CliRun.Of("check", "norm(W");

        Assert.That(run.ExitCode, Is.EqualTo(Program.InputError));
        Assert.That(run.Error, Does.StartWith("autograd: "));
    }
}

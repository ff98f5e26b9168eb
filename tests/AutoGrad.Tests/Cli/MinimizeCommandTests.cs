using AutoGrad.Cli;
using AutoGrad.IO;
using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Cli;

/// <summary>
/// <c>autograd minimize</c>: a progress line per iteration, a summary, and the optimised
/// variables in DIR/NAME.npy with their shapes.
/// </summary>
[TestFixture]
public sealed class MinimizeCommandTests
{
    private const string LeastSquares = "A: m x n; b: m x 1; x: n x 1;\nnorm(A*x - b)^2\n";
    private const string SparseCoding = "seed-1-sparse-coding-basis";

    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), $"autograd-minimize-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Minimize_LeastSquares_WritesTheSolutionAsNpy()
    {
        var random = new Random(11);
        Matrix<double> a = RandomData.Matrix(random, 30, 4);
        Matrix<double> b = RandomData.Matrix(random, 30, 1);
        string objective = Write("ls.ag", LeastSquares);
        Npy.Write(Path.Combine(_folder, "A.npy"), a.ToColumnMajorArray(), 30, 4);
        Npy.Write(Path.Combine(_folder, "b.npy"), b.ToColumnMajorArray(), 30, 1);
        string output = Path.Combine(_folder, "out");

        CliRun run = CliRun.Of("minimize", objective,
            "--data", "A=" + Path.Combine(_folder, "A.npy"),
            "--data", "b=" + Path.Combine(_folder, "b.npy"),
            "--wrt", "x", "--init", "x=4x1:randn*0.01", "--out", output);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        NpyArray x = Npy.Read(Path.Combine(output, "x.npy"));
        Assert.That((x.Rows, x.Columns), Is.EqualTo((4, 1)));
        Assert.That(x.ColumnMajor, Is.EqualTo(a.QR().Solve(b).ToColumnMajorArray()).Within(1e-4));
        Assert.That(run.OutputLines[0],
            Does.Match(@"^iteration    0  value \S+ +\|gradient\| \S+  \d+\.\d\d s$"));
        Assert.That(run.OutputLines, Has.Some.Match(@"^stopped \(gradient\): the "));
    }

    [Test]
    public void Minimize_SeedSparseCodingWithAnIterationLimit_SavesBothVariables()
    {
        string folder = Path.Combine(TestPaths.SharedCases, SparseCoding);
        string output = Path.Combine(_folder, "out");

        CliRun run = CliRun.Of("minimize", "norm(A*s - x,'fro')^2 + gamma*norm(A,'fro')^2",
            "--data", "x=" + Path.Combine(folder, "x.npy"), "--set", "gamma=0.05", "--wrt", "A,s",
            "--init", "A=8x5:randn*0.1", "--init", "s=5x12:zeros", "--iterations", "5",
            "--out", output, "--seed", "3");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
        string[] lines = run.OutputLines;
        Assert.That(lines.Count(l => l.StartsWith("iteration ", StringComparison.Ordinal)),
            Is.EqualTo(6));
        Assert.That(lines[6],
            Is.EqualTo("stopped (iterations): reached the limit of 5 iterations"));
        Assert.That(lines[7], Does.Match(@"^iterations: 5, evaluations: \d+, time: \d+\.\d\d s$"));
        Assert.That(lines[8], Does.StartWith("final value: "));
        Assert.That(Shape(Path.Combine(output, "A.npy")), Is.EqualTo((8, 5)));
        Assert.That(Shape(Path.Combine(output, "s.npy")), Is.EqualTo((5, 12)));
    }

    [Test]
    public void Minimize_MalformedInit_ExitsTwoWithTheExpectedForm()
    {
        CliRun run = CliRun.Of("minimize", "x: 2 x 1; sum(x.^2)", "--init", "x=2by1:randn");

        Assert.That(run.ExitCode, Is.EqualTo(Program.InputError));
        Assert.That(run.Error, Is.EqualTo("autograd: --init x= expects RxC:KIND[*SCALE] with KIND"
            + " randn, rand, zeros, ones or a number (such as 25x64:randn*0.01), or FILE.npy;"
            + " got '2by1:randn'\n"));
    }

    [Test]
    public void Minimize_WrtWithoutInit_ExitsTwoNamingTheFix()
    {
        CliRun run = CliRun.Of("minimize", "x: 2 x 1; y: 2 x 1; sum((x - y).^2)", "--wrt", "x,y",
            "--init", "x=2x1:ones");

        Assert.That(run.ExitCode, Is.EqualTo(Program.InputError));
        Assert.That(run.Error, Is.EqualTo(
            "autograd: --wrt names 'y' but no --init gives its starting value;"
            + " add --init y=RxC:randn*0.01\n"));
    }

    [Test]
    public void Minimize_NothingToOptimise_ExitsTwo()
    {
        CliRun run = CliRun.Of("minimize", "x: 2 x 1; sum(x.^2)");

        Assert.That(run.ExitCode, Is.EqualTo(Program.InputError));
        Assert.That(run.Error, Is.EqualTo("autograd: nothing to optimise: name the variables with"
            + " --wrt and give each a starting value with --init NAME=RxC:randn*0.01\n"));
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Rows, int Columns) Shape(string path)
    {
        NpyArray array = Npy.Read(path);
        return (array.Rows, array.Columns);
    }
}

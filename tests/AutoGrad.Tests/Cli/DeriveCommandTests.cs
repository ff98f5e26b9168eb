using NUnit.Framework;

namespace AutoGrad.Tests.Cli;

/// <summary><c>autograd derive</c>: one <c>d/dNAME = formula</c> line per variable.</summary>
[TestFixture]
public sealed class DeriveCommandTests
{
    private const string Ica = "norm(W'*W*x - x,'fro')^2";
    private const string IcaGradient = "d/dW = 2*W*(W'*(W*x) - x)*x' + 2*W*x*(W'*(W*x) - x)'\n";

    [Test]
    public void Derive_TiedWeights_PrintsTheGradientFormula()
    {
        CliRun run = CliRun.Of("derive", Ica, "--wrt", "W", "--shape", "W=3x5", "--shape", "x=5x4");

        Assert.That(run, Is.EqualTo(new CliRun(0, IcaGradient, "")));
    }

    [Test]
    public void Derive_TwoVariables_PrintsOneLineEachInWrtOrder()
    {
        CliRun run = CliRun.Of("derive", "norm(A*s - x,'fro')^2", "--wrt", "s,A",
            "--shape", "A=8x5", "--shape", "s=5x12", "--shape", "x=8x12");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.OutputLines, Is.EqualTo(new[]
        {
            "d/ds = 2*A'*(A*s - x)",
            "d/dA = 2*(A*s - x)*s'",
        }));
    }

    [Test]
    public void Derive_ShapeOfNamedSize_FixesThatSize()
    {
        CliRun run = CliRun.Of("derive", "w: n x 1; sum(w.^2)/n", "--wrt", "w", "--shape", "n=4");

        Assert.That(run, Is.EqualTo(new CliRun(0, "d/dw = 0.5*w\n", "")));
    }

    [Test]
    public void Derive_RepeatedWrtOption_AddsNames()
    {
        CliRun run = CliRun.Of("derive", "x*y^2", "--wrt", "x", "--wrt", "y");

        Assert.That(run, Is.EqualTo(new CliRun(0, "d/dx = y^2\nd/dy = x*2*y\n", "")));
    }

    [Test]
    public void Derive_SymbolicShapes_PrintsTheFormula()
    {
        CliRun run = CliRun.Of("derive", Ica, "--wrt", "W", "--shape", "W=k x n",
            "--shape", "x=n,m");

        Assert.That(run, Is.EqualTo(new CliRun(
            0, "d/dW = 2*W*((W'*(W*x) - x)*x') + 2*W*x*(W'*(W*x) - x)'\n", "")));
    }

    [Test]
    public void Derive_ObjectiveFromFile_MatchesInlineText()
    {
        string path = Path.Combine(Path.GetTempPath(), $"autograd-{Guid.NewGuid():N}.m");
        File.WriteAllText(path, "% tied weights\nW: 3 x 5;\nx: 5 x 4;\nr = W'*W*x - x;\n"
            + "norm(r,'fro')^2\n");
        try
        {
            CliRun run = CliRun.Of("derive", "@" + path, "--wrt", "W");

            Assert.That(run, Is.EqualTo(new CliRun(0, IcaGradient, "")));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Derive_PrintedFormula_ParsesBackUnderTheSameShapes()
    {
        CliRun run = CliRun.Of("derive", "sum(sum(log(1 + exp(A*B))))", "--wrt", "A,B",
            "--shape", "A=3x4", "--shape", "B=4x2");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        foreach (string line in run.OutputLines)
        {
            string formula = line[(line.IndexOf('=') + 2)..];
            string text = $"A: 3 x 4; B: 4 x 2; sum(sum({formula}))";
            Assert.That(() => Objective.Parse(text), Throws.Nothing, line);
        }
    }
}

using AutoGrad.Optimization;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Optimization;

/// <summary>
/// The lines docs/optimization.md shows a user, run as they are written there: compile a
/// string, bind data, hand it to L-BFGS, read the result.
/// </summary>
[TestFixture]
public sealed class UsageExampleTests
{
    private const string Self = "UsageExampleTests.cs";
    private const string Marker = "// --- docs/optimization.md: ";

    [Test]
    public void DocsExample_MinimisesLeastSquares()
    {
        Matrix<double> a = Matrix<double>.Build.Random(50, 3, 1);
        Matrix<double> b = Matrix<double>.Build.Random(50, 1, 2);

        // --- docs/optimization.md: begin
        Objective f = Objective.Parse("A: m x n; b: m x 1; x: n x 1; norm(A*x - b)^2");
        var layout = new ParameterLayout([("x", 3, 1)]);
        var data = new Dictionary<string, Matrix<double>> { ["A"] = a, ["b"] = b };
        var problem = FlatObjective.Create(f, layout, data);

        var options = new MinimizerOptions
        {
            MaxIterations = 100,
            OnIteration = i => Console.WriteLine($"{i.Iteration}: {i.Value} |g| {i.GradientNorm}"),
        };
        MinimizerResult result = Lbfgs.Minimize(problem, new double[layout.Length], options);

        Matrix<double> x = layout.Unpack(result.Theta, "x");
        Console.WriteLine($"{result.Reason}: {result.Message}");
        // --- docs/optimization.md: end

        Assert.That(result.Converged, Is.True, result.Message);
        double[] expected = a.QR().Solve(b).ToColumnMajorArray();
        Assert.That(x.ToColumnMajorArray(), Is.EqualTo(expected).Within(1e-4));
    }

    [Test]
    public void DocsExample_ChecksTheGradient()
    {
        Matrix<double> w = Matrix<double>.Build.Random(4, 6, 3);
        Matrix<double> patches = Matrix<double>.Build.Random(6, 20, 4);

        // --- docs/optimization.md: gradient check
        Objective ica = Objective.Parse("W: k x n; x: n x m; norm(W'*W*x - x,'fro')^2");
        var layout = new ParameterLayout([("W", 4, 6)]);
        var data = new Dictionary<string, Matrix<double>> { ["x"] = patches };
        var problem = FlatObjective.Create(ica, layout, data);
        double[] theta = layout.Pack(new Dictionary<string, Matrix<double>> { ["W"] = w });

        GradientCheckReport report = GradientCheck.Run(problem, theta);
        foreach (VariableCheck v in report.Variables)
        {
            Console.WriteLine($"{v.Name}: largest relative error {v.MaxRelativeError:G3}");
        }
        // --- docs/optimization.md: end

        Assert.That(report.Passed, Is.True);
    }

    [Test]
    public void DocsPage_ShowsExactlyTheLinesTheseTestsRun()
    {
        string test = File.ReadAllText(
            Path.Combine(TestPaths.RepoRoot, "tests", "AutoGrad.Tests", "Optimization", Self));
        string page = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "docs", "optimization.md"));

        string[] blocks = [.. Blocks(test)];

        Assert.That(blocks, Has.Length.EqualTo(2));
        foreach (string block in blocks)
        {
            Assert.That(page, Does.Contain(block));
        }
    }

    // The marked regions of this file, with the test's indentation removed.
    private static IEnumerable<string> Blocks(string text)
    {
        string[] lines = text.ReplaceLineEndings("\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith(Marker, StringComparison.Ordinal)
                && !lines[i].EndsWith(Marker + "end", StringComparison.Ordinal))
            {
                int end = Array.FindIndex(lines, i + 1,
                    l => l.EndsWith(Marker + "end", StringComparison.Ordinal));
                yield return string.Join("\n", lines[(i + 1)..end].Select(Unindent));
            }
        }
    }

    private static string Unindent(string line) => line.Length >= 8 ? line[8..] : line.Trim();
}

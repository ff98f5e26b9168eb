using AutoGrad.Optimization;
using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Examples;

/// <summary>
/// Every objective in examples/ that <c>autograd train</c> runs: parsed from its file, bound to
/// small random data, its compiled gradient compared with central differences at every
/// coordinate.
/// </summary>
[TestFixture]
public sealed class ExampleObjectiveTests
{
    // File, constants, parameters with their sizes, and data; one row per example.
    private static readonly ExampleCase[] s_cases =
    [
        new("softmax.ag",
            new() { ["lambda"] = 1e-3 },
            [("theta", 3, 4)],
            r => new() { ["x"] = RandomData.Matrix(r, 4, 6), ["Y"] = OneHot(r, 3, 6) }),
        new("rica.ag",
            new() { ["lambda"] = 0.1, ["eps"] = 1e-2 },
            [("W", 5, 4)],
            r => new() { ["x"] = RandomData.Matrix(r, 4, 7) }),
        new("sparse-autoencoder.ag",
            new() { ["lambda"] = 1e-3, ["rho"] = 0.1, ["beta"] = 3 },
            [("W1", 3, 4), ("b1", 3, 1), ("W2", 4, 3), ("b2", 4, 1)],
            r => new() { ["x"] = Matrix<double>.Build.Dense(4, 6, (_, _) => r.NextDouble()) }),
        new("linear-regression.ag", [],
            [("theta", 4, 1)],
            r => new() { ["X"] = RandomData.Matrix(r, 4, 7), ["y"] = RandomData.Matrix(r, 1, 7) }),
        new("logistic-regression.ag", [],
            [("theta", 4, 1)],
            r => new() { ["X"] = RandomData.Matrix(r, 4, 7), ["y"] = ZeroOne(r, 1, 7) }),
        new("sparse-coding.ag",
            new() { ["gamma"] = 0.05 },
            [("A", 4, 3), ("s", 3, 5)],
            r => new() { ["x"] = RandomData.Matrix(r, 4, 5) }),
        new("sparse-coding-features.ag",
            new() { ["lambda"] = 0.1, ["eps"] = 1e-2 },
            [("s", 3, 5)],
            r => new() { ["A"] = RandomData.Matrix(r, 4, 3), ["x"] = RandomData.Matrix(r, 4, 5),
                ["V"] = ZeroOne(r, 3, 3) }),
        new("topographic.ag",
            new() { ["eps"] = 1e-2 },
            [("s", 3, 5)],
            r => new() { ["V"] = ZeroOne(r, 3, 3) }),
        new("topographic-sparse-coding.ag",
            new() { ["lambda"] = 0.1, ["eps"] = 1e-2, ["gamma"] = 0.05 },
            [("A", 4, 3), ("s", 3, 5)],
            r => new() { ["x"] = RandomData.Matrix(r, 4, 5), ["V"] = ZeroOne(r, 3, 3) }),
        new("ica.ag", [],
            [("W", 3, 4)],
            r => new() { ["x"] = RandomData.Matrix(r, 4, 6) }),
    ];

    [Test]
    public void Examples_EveryObjectiveFile_HasAGradientCheckRow()
    {
        string folder = Path.Combine(TestPaths.RepoRoot, "examples");
        string[] files = [.. Directory.GetFiles(folder, "*.ag").Select(Path.GetFileName).Order()!];

        Assert.That(files, Is.EquivalentTo(s_cases.Select(c => c.File)));
    }

    // Entries 0 or 1: labels, and a grouping matrix of 0s and 1s as UFLDL's.
    private static Matrix<double> ZeroOne(Random random, int rows, int cols) =>
        Matrix<double>.Build.Dense(rows, cols, (_, _) => random.Next(2));

    [TestCaseSource(nameof(s_cases))]
    public void Example_CompiledGradient_MatchesCentralDifferences(ExampleCase example)
    {
        var random = RandomData.For(example.File);
        var options = new ObjectiveOptions();
        foreach (var (name, value) in example.Constants)
        {
            options.Constants[name] = value;
        }
        string text = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "examples", example.File));
        Objective objective = Objective.Parse(text, options);
        var layout = new ParameterLayout(example.Parameters);
        var problem = FlatObjective.Create(objective, layout, example.Data(random));
        double[] theta = [.. Enumerable.Range(0, layout.Length)
            .Select(_ => 0.5 * (2 * random.NextDouble() - 1))];

        GradientCheckReport report = GradientCheck.Run(problem, theta);

        Assert.That(report.ByDirections, Is.False);
        Assert.That(double.IsFinite(report.Value), Is.True, report.FirstNonFinite);
        foreach (VariableCheck check in report.Variables)
        {
            Assert.That(check.MaxRelativeError, Is.LessThan(1e-6), $"{example.File}: d/d{check.Name}");
        }
    }

    private static Matrix<double> OneHot(Random random, int classes, int count)
    {
        int[] labels = [.. Enumerable.Range(0, count).Select(_ => random.Next(classes))];
        return Matrix<double>.Build.Dense(classes, count, (c, j) => c == labels[j] ? 1 : 0);
    }

    /// <summary>One example objective and what it is checked on.</summary>
    public sealed record ExampleCase(
        string File,
        Dictionary<string, double> Constants,
        (string Name, int Rows, int Columns)[] Parameters,
        Func<Random, Dictionary<string, Matrix<double>>> Data)
    {
        /// <inheritdoc/>
        public override string ToString() => File;
    }
}

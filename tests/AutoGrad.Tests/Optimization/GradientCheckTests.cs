using AutoGrad.Optimization;
using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Optimization;

/// <summary>
/// The gradient check: it passes compiled gradients, by coordinates and by directions, and it
/// catches a gradient made wrong on purpose, naming the variable and the entry.
/// </summary>
[TestFixture]
public sealed class GradientCheckTests
{
    private const string SparseCoding = "seed-1-sparse-coding-basis";
    private const string Ica = "seed-3-ica-tied-weights";
    private static readonly GradientCheckOptions s_byDirections = new() { CoordinateLimit = 0 };

    [TestCase(SparseCoding)]
    [TestCase(Ica)]
    public void Run_CompiledGradientOfASeedCase_Passes(string name)
    {
        var (problem, theta) = Problem(name);

        GradientCheckReport report = GradientCheck.Run(problem, theta);

        Assert.That(report.Passed, Is.True, Describe(report));
        Assert.That(report.ByDirections, Is.False);
        Assert.That(report.Variables.Select(v => v.Probes),
            Is.EqualTo(problem.Layout.Slots.Select(s => s.Length)));
    }

    [Test]
    public void Run_ByDirections_PassesTheCompiledGradient()
    {
        var (problem, theta) = Problem(SparseCoding);

        GradientCheckReport report = GradientCheck.Run(problem, theta, s_byDirections);

        Assert.That(report.Passed, Is.True, Describe(report));
        Assert.That(report.ByDirections, Is.True);
        Assert.That(report.Variables.Select(v => v.Probes), Is.All.EqualTo(10));
    }

    [Test]
    public void Run_OneEntryOfTheGradientOff_FailsThatVariableAtThatEntry()
    {
        var (problem, theta) = Problem(SparseCoding);
        ParameterSlot s = problem.Layout["s"];
        int entry = s.Offset + 2 * s.Rows + 3; // s(4,3)
        FlatFunction skewed = Skewed(problem, entry, 1.001);

        GradientCheckReport report = GradientCheck.Run(skewed, problem.Layout, theta);

        Assert.That(report.Passed, Is.False);
        VariableCheck a = report.Variables.Single(v => v.Name == "A");
        VariableCheck wrong = report.Variables.Single(v => v.Name == "s");
        Assert.That(a.Passed(report.Tolerance), Is.True, Describe(report));
        Assert.That(wrong.MaxRelativeError, Is.GreaterThan(1e-5));
        Assert.That(wrong.Worst, Is.EqualTo((3, 2)));
    }

    [Test]
    public void Run_ByDirections_CatchesAScaledGradient()
    {
        var (problem, theta) = Problem(Ica);
        FlatFunction scaled = (x, g) =>
        {
            double value = problem.ValueAndGradient(x, g);
            g[0] *= 1.01;
            return value;
        };

        GradientCheckReport report =
            GradientCheck.Run(scaled, problem.Layout, theta, s_byDirections);

        Assert.That(report.Passed, Is.False);
        Assert.That(report.MaxRelativeError, Is.GreaterThan(1e-6));
    }

    [Test]
    public void Run_GradientWithNaN_SaysWhereItFirstAppears()
    {
        var layout = new ParameterLayout([("a", 1, 1), ("b", 2, 2)]);
        FlatFunction f = (x, g) =>
        {
            Array.Fill(g, 1.0);
            g[1 + 3] = double.NaN;
            return x.Sum();
        };

        GradientCheckReport report = GradientCheck.Run(f, layout, new double[5]);

        Assert.That(report.Passed, Is.False);
        Assert.That(report.FirstNonFinite, Is.EqualTo("the gradient of 'b' is NaN at (2,2)"));
        Assert.That(report.Variables[0].Passed(report.Tolerance), Is.True);
    }

    [Test]
    public void Run_ValueTurningInfiniteNearThePoint_NamesTheEntry()
    {
        var f = Objective.Parse("x: 2 x 1; sum(log(x))");
        var layout = new ParameterLayout([("x", 2, 1)]);
        var problem = FlatObjective.Create(f, layout, new Dictionary<string, Matrix<double>>());

        GradientCheckReport report = GradientCheck.Run(problem, [1.0, 0.0]);

        Assert.That(report.FirstNonFinite, Is.EqualTo("the value at the checked point is -Inf"));
        Assert.That(report.Passed, Is.False);
    }

    private static FlatFunction Skewed(FlatObjective problem, int entry, double factor) => (x, g) =>
    {
        double value = problem.ValueAndGradient(x, g);
        g[entry] *= factor;
        return value;
    };

    private static (FlatObjective Problem, double[] Theta) Problem(string name)
    {
        SeedCase c = SeedCases.Load(name);
        var layout = ParameterLayout.Of(c.Inputs, [.. c.Wrt]);
        var data = c.Inputs.Where(i => !c.Wrt.Contains(i.Key)).ToDictionary();
        var problem = FlatObjective.Create(Objective.Parse(c.Objective, c.Options()), layout, data);
        return (problem, layout.Pack(c.Inputs));
    }

    private static string Describe(GradientCheckReport report) => string.Join("; ",
        report.Variables.Select(v =>
            $"{v.Name}: {v.MaxRelativeError:G3} at {v.Worst} ({v.Analytic} vs {v.Numeric})"));
}

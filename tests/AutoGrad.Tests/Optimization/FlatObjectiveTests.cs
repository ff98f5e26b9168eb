using AutoGrad.Diagnostics;
using AutoGrad.Optimization;
using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Optimization;

/// <summary>A compiled objective over one flat vector, on the seed's sparse coding case.</summary>
[TestFixture]
public sealed class FlatObjectiveTests
{
    private const string SparseCoding = "seed-1-sparse-coding-basis";

    [Test]
    public void ValueAndGradient_MatchTheReferenceCase_InLayoutOrder()
    {
        SeedCase c = SeedCases.Load(SparseCoding);
        var layout = ParameterLayout.Of(c.Inputs, "s", "A");
        FlatObjective problem = SparseCodingProblem(c, layout);
        var gradient = new double[layout.Length];

        double value = problem.ValueAndGradient(layout.Pack(c.Inputs), gradient);

        Assert.That(value, Is.EqualTo(c.Value).Within(1e-10).Percent);
        foreach (string name in c.Wrt)
        {
            MatrixAssert.Near(c.Expected[name], layout.Unpack(gradient, name), 1e-10, name);
        }
    }

    [Test]
    public void ValueAndGradient_AllocatesNoMoreThanTheCompiledCall()
    {
        SeedCase c = SeedCases.Load(SparseCoding);
        var layout = ParameterLayout.Of(c.Inputs, "A", "s");
        FlatObjective problem = SparseCodingProblem(c, layout);
        CompiledObjective direct = problem.Compiled;
        double[] theta = layout.Pack(c.Inputs);
        var gradient = new double[layout.Length];
        double[][] inputs = [.. direct.Variables.Select(v => c.Inputs[v].ToColumnMajorArray())];
        double[][] gradients = [.. direct.Wrt.Select(w => new double[layout[w].Length])];

        long flat = BytesPerCall(() => problem.ValueAndGradient(theta, gradient));
        long compiled = BytesPerCall(() => direct.Evaluate(inputs, gradients, problem.Sizes));

        Assert.That(flat, Is.LessThanOrEqualTo(compiled));
    }

    [Test]
    public void Sizes_AreResolvedFromDataAndLayout()
    {
        var f = Objective.Parse("W: k x n; x: n x m; norm(W'*W*x - x,'fro')^2");
        var layout = new ParameterLayout([("W", 3, 5)]);
        var data = new Dictionary<string, Matrix<double>>
        {
            ["x"] = Matrix<double>.Build.Dense(5, 7),
        };

        var problem = FlatObjective.Create(f, layout, data);

        Assert.That(problem.Sizes, Is.EquivalentTo(new Dictionary<string, int>
        {
            ["k"] = 3, ["n"] = 5, ["m"] = 7,
        }));
    }

    [Test]
    public void Constructor_ParameterNotDifferentiated_IsAnError()
    {
        SeedCase c = SeedCases.Load(SparseCoding);
        var f = Objective.Parse(c.Objective, c.Options());
        var layout = ParameterLayout.Of(c.Inputs, "A", "s");

        var e = Assert.Throws<AutoGradException>(
            () => new FlatObjective(f.Compile("A"), layout, Data(c, "x")))!;

        Assert.That(e.Message, Is.EqualTo("the parameter 's' has no gradient: the objective was"
            + " compiled with respect to 'A';"
            + " compile it with respect to every parameter of the layout"));
    }

    [Test]
    public void Constructor_DataForAParameter_IsAnError()
    {
        SeedCase c = SeedCases.Load(SparseCoding);
        var f = Objective.Parse(c.Objective, c.Options());
        var layout = ParameterLayout.Of(c.Inputs, "A", "s");

        var e = Assert.Throws<AutoGradException>(
            () => FlatObjective.Create(f, layout, Data(c, "x", "s")))!;

        Assert.That(e.Message,
            Is.EqualTo("'s' is given both as data and as a parameter; give it as one of them"));
    }

    [Test]
    public void Constructor_MissingData_IsAnError()
    {
        SeedCase c = SeedCases.Load(SparseCoding);
        var f = Objective.Parse(c.Objective, c.Options());
        var layout = ParameterLayout.Of(c.Inputs, "A", "s");

        var e = Assert.Throws<AutoGradException>(() => FlatObjective.Create(f, layout, Data(c)))!;

        Assert.That(e.Message, Is.EqualTo("no value is bound to 'x' (8x12)"));
    }

    private static long BytesPerCall(Action call)
    {
        const int Calls = 50;
        call();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            call();
        }
        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }

    private static FlatObjective SparseCodingProblem(SeedCase c, ParameterLayout layout) =>
        FlatObjective.Create(Objective.Parse(c.Objective, c.Options()), layout, Data(c, "x"));

    private static Dictionary<string, Matrix<double>> Data(SeedCase c, params string[] names) =>
        names.ToDictionary(n => n, n => c.Inputs[n]);
}

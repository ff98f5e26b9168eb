using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Compilation;

/// <summary>
/// Gradients with respect to several variables from one compiled function agree with one
/// compile per variable, whatever the order the variables are asked for in.
/// </summary>
[TestFixture]
public sealed class MultipleWrtTests
{
    // Separate compiles simplify separate graphs: only the order of rounding may differ.
    private const double Tolerance = 1e-12;

    private static IEnumerable<string> RowsWithSeveralVariables() =>
        GradientTable.Rows.Where(r => r.Parse().Variables.Count > 1).Select(r => r.Name);

    [TestCaseSource(nameof(RowsWithSeveralVariables))]
    public void AllAtOnce_MatchesSeparateCompiles(string name)
    {
        GradientCase row = GradientTable.Row(name);
        Objective objective = row.Parse();
        string[] wrt = [.. objective.Variables.Keys.Order(StringComparer.Ordinal)];
        Dictionary<string, Matrix<double>> values = row.Bind(objective);

        var together = objective.Compile(wrt).EvaluateWithGradients(values);
        var reversed = objective.Compile([.. wrt.Reverse()]).EvaluateWithGradients(values);

        foreach (string w in wrt)
        {
            var alone = objective.Compile(w).EvaluateWithGradients(values);
            MatrixAssert.Near(alone.Value, together.Value, Tolerance, $"{row.Text}: value");
            MatrixAssert.Near(alone.Gradients[w], together.Gradients[w], Tolerance,
                $"{row.Text}: d/d{w} with all variables, against alone");
            MatrixAssert.Near(alone.Gradients[w], reversed.Gradients[w], Tolerance,
                $"{row.Text}: d/d{w} with all variables in reverse order, against alone");
        }
    }

    [Test]
    public void ArrayOverload_GradientsFollowWrtOrder()
    {
        Objective objective = Objective.Parse("A: 2 x 3; B: 3 x 2; sum(sum(A .* B'))");
        var values = new Dictionary<string, Matrix<double>>
        {
            ["A"] = RandomData.Matrix(RandomData.For("A"), 2, 3),
            ["B"] = RandomData.Matrix(RandomData.For("B"), 3, 2),
        };
        CompiledObjective compiled = objective.Compile("B", "A");
        double[][] inputs = [values["A"].ToColumnMajorArray(), values["B"].ToColumnMajorArray()];
        double[][] gradients = [new double[6], new double[6]];

        compiled.Evaluate(inputs, gradients);

        Assert.That(compiled.Variables, Is.EqualTo(new[] { "A", "B" }));
        Assert.That(gradients[0], Is.EqualTo(values["A"].Transpose().ToColumnMajorArray()));
        Assert.That(gradients[1], Is.EqualTo(values["B"].Transpose().ToColumnMajorArray()));
    }

    [Test]
    public void EqualGradients_OfTwoVariables_AreBothWritten()
    {
        Objective objective = Objective.Parse("A: 2 x 2; B: 2 x 2; sum(sum(3*A + 3*B))");
        var values = new Dictionary<string, Matrix<double>>
        {
            ["A"] = RandomData.Matrix(RandomData.For("A"), 2, 2),
            ["B"] = RandomData.Matrix(RandomData.For("B"), 2, 2),
        };

        var gradients = objective.Compile("A", "B").EvaluateWithGradients(values).Gradients;

        Assert.That(gradients["A"].Enumerate(), Is.All.EqualTo(3.0));
        Assert.That(gradients["B"].Enumerate(), Is.All.EqualTo(3.0));
    }
}

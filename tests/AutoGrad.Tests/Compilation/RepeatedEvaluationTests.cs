using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Compilation;

/// <summary>
/// A compiled function keeps no state between calls that could leak into a gradient: every
/// gradient array is overwritten, not accumulated into, and work buffers reused from an
/// earlier call (at another point) do not change the result.
/// </summary>
[TestFixture]
public sealed class RepeatedEvaluationTests
{
    private static IEnumerable<string> Rows() => GradientTable.Rows.Select(r => r.Name);

    [TestCaseSource(nameof(Rows))]
    public void Evaluate_IntoArraysHoldingNaN_OverwritesEveryEntry(string name)
    {
        GradientCase row = GradientTable.Row(name);
        Objective objective = row.Parse();
        CompiledObjective compiled = objective.Compile(row.WrtOf(objective));
        Dictionary<string, Matrix<double>> values = row.Bind(objective);
        var expected = compiled.EvaluateWithGradients(values);
        var gradients = compiled.Wrt.ToDictionary(w => w,
            w => Matrix<double>.Build.Dense(values[w].RowCount, values[w].ColumnCount, double.NaN));

        double value = compiled.Evaluate(values, gradients);

        Assert.That(value, Is.EqualTo(expected.Value));
        foreach (string w in compiled.Wrt)
        {
            Assert.That(gradients[w].ToArray(), Is.EqualTo(expected.Gradients[w].ToArray()),
                $"{row.Text}: d/d{w}");
        }
    }

    [TestCaseSource(nameof(Rows))]
    public void Evaluate_AfterAnotherPoint_GivesTheSameResult(string name)
    {
        GradientCase row = GradientTable.Row(name);
        Objective objective = row.Parse();
        CompiledObjective compiled = objective.Compile(row.WrtOf(objective));
        Dictionary<string, Matrix<double>> values = row.Bind(objective);
        var fresh = objective.Compile(row.WrtOf(objective)).EvaluateWithGradients(values);

        compiled.EvaluateWithGradients(row.Bind(objective, "another point"));
        var again = compiled.EvaluateWithGradients(values);

        Assert.That(again.Value, Is.EqualTo(fresh.Value));
        foreach (string w in compiled.Wrt)
        {
            Assert.That(again.Gradients[w].ToArray(), Is.EqualTo(fresh.Gradients[w].ToArray()),
                $"{row.Text}: d/d{w}");
        }
    }
}

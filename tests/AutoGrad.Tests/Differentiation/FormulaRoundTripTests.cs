using AutoGrad.Graph;
using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Differentiation;

/// <summary>
/// Every printed gradient formula of <see cref="GradientTable"/> parses back and means the same
/// numbers: <c>sum(sum((FORMULA) .* R__))</c>, with R__ random, equals <c>sum(G .* R__)</c>
/// for the compiled gradient G.
/// </summary>
[TestFixture]
public sealed class FormulaRoundTripTests
{
    private const string Probe = "R__";

    // Relative to sum(|G| .* |R__|), the size of the terms summed.
    private const double Tolerance = 1e-10;

    private static IEnumerable<string> Rows() => GradientTable.Rows.Select(r => r.Name);

    [TestCaseSource(nameof(Rows))]
    public void Formula_ParsesBackToTheCompiledGradient(string name)
    {
        GradientCase row = GradientTable.Row(name);
        Objective objective = row.Parse();
        string[] wrt = row.WrtOf(objective);
        Dictionary<string, Matrix<double>> values = row.Bind(objective);
        GradientGraph graph = objective.Differentiate(wrt);
        var gradients = objective.Compile(wrt).EvaluateWithGradients(values).Gradients;

        foreach (string w in wrt)
        {
            string formula = graph.Formula(w);
            Shape shape = objective.Variables[w];
            var (rows, cols) = row.Size(shape);
            Matrix<double> probe = RandomData.Matrix(RandomData.For(name + w), rows, cols);
            var bound = new Dictionary<string, Matrix<double>>(values) { [Probe] = probe };

            Objective parsed = Objective.Parse($"sum(sum(({formula}) .* {Probe}))",
                ProbeOptions(row, objective, shape));
            double actual = parsed.Interpret(bound);

            double expected = gradients[w].PointwiseMultiply(probe).Enumerate().Sum();
            double scale = gradients[w].PointwiseAbs().PointwiseMultiply(probe.PointwiseAbs())
                .Enumerate().Sum();
            Assert.That(actual, Is.EqualTo(expected).Within(Tolerance * Math.Max(1, scale)),
                $"{row.Text}: d/d{w} printed as {formula}");
        }
    }

    // The objective's variables with their shapes, its constants, and the probe.
    private static ObjectiveOptions ProbeOptions(GradientCase row, Objective objective, Shape shape)
    {
        ObjectiveOptions options = row.Options();
        foreach (var (variable, variableShape) in objective.Variables)
        {
            options.Shapes[variable] = variableShape;
        }
        options.Shapes[Probe] = shape;
        return options;
    }
}

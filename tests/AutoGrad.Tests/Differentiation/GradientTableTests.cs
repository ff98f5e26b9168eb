using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Differentiation;

/// <summary>
/// Every row of <see cref="GradientTable"/>: the compiled gradient against central differences
/// of the reference interpreter's value, and against the closed form where the row gives one.
/// </summary>
[TestFixture]
public sealed class GradientTableTests
{
    // Closed forms and compiled code differ only by rounding.
    private const double ClosedFormTolerance = 1e-10;

    // Every operator, function and form of the language; each must appear in some row.
    private static readonly string[] s_features =
    [
        " + ", " - ", "*", "/", "^", ".*", "./", ".^", "'", ".'", "-X", "-(",
        " < ", " <= ", " > ", " >= ", " == ", " ~= ",
        "sum(", ",1)", ",2)", ",'all')", "mean(", "sqrt(", "exp(", "log(", "log1p(", "abs(",
        "tanh(", "sigmoid(", "sign(", "max(", "min(", "norm(x)", "'fro')", "norm(x, 1)",
        "trace(", "transpose(", "ones(", "zeros(", "eye(", "reshape(", "size(", "numel(", "(:)",
        "pi*", "eps", "Inf", "^3", "^0", " = ", "x n;",
        "relu(", "sin(", "cos(", "log2(", "log10(", "power(", "softmax(", "logsoftmax(",
        "prod(", ", [], ", "inv(", "det(", "logdet(", "\\", "diag(", "kron(", "repmat(",
        "repelem(", "norm(X)", "'nuc')", "norm(x, Inf)", "'inf')",
    ];

    private static IEnumerable<string> Rows() => GradientTable.Rows.Select(r => r.Name);

    private static IEnumerable<string> RowsWithClosedForms() =>
        GradientTable.Rows.Where(r => r.ClosedForms.Count > 0).Select(r => r.Name);

    [Test]
    public void Table_HasAtLeast45Objectives()
    {
        Assert.That(GradientTable.Rows, Has.Count.GreaterThanOrEqualTo(45));
        Assert.That(GradientTable.Rows.Select(r => r.Name), Is.Unique);
    }

    [Test]
    public void Table_CoversEveryOperatorAndFunction()
    {
        string[] missing =
            [.. s_features.Where(f => !GradientTable.Rows.Any(r => r.Text.Contains(f)))];

        Assert.That(missing, Is.Empty, "no row of the gradient table uses these");
    }

    [TestCaseSource(nameof(Rows))]
    public void Gradient_MatchesCentralDifferences(string name)
    {
        GradientCase row = GradientTable.Row(name);
        Objective objective = row.Parse();
        string[] wrt = row.WrtOf(objective);
        Dictionary<string, Matrix<double>> values = row.Bind(objective);

        var gradients = objective.Compile(wrt).EvaluateWithGradients(values).Gradients;

        foreach (string w in wrt)
        {
            Matrix<double> numeric = FiniteDifferences.Gradient(objective.Interpret, values, w);
            FiniteDifferences.AssertAgree(row.Text, w, gradients[w], numeric);
        }
    }

    [TestCaseSource(nameof(RowsWithClosedForms))]
    public void Gradient_MatchesClosedForm(string name)
    {
        GradientCase row = GradientTable.Row(name);
        Objective objective = row.Parse();
        Dictionary<string, Matrix<double>> values = row.Bind(objective);

        var gradients = objective.Compile([.. row.ClosedForms.Keys])
            .EvaluateWithGradients(values).Gradients;

        foreach (var (w, closedForm) in row.ClosedForms)
        {
            MatrixAssert.Near(closedForm(values), gradients[w], ClosedFormTolerance,
                $"{row.Text}: d/d{w} against its closed form");
        }
    }

    [TestCaseSource(nameof(RowsWithClosedForms))]
    public void ClosedForm_MatchesCentralDifferences(string name)
    {
        GradientCase row = GradientTable.Row(name);
        Objective objective = row.Parse();
        Dictionary<string, Matrix<double>> values = row.Bind(objective);

        foreach (var (w, closedForm) in row.ClosedForms)
        {
            Matrix<double> numeric = FiniteDifferences.Gradient(objective.Interpret, values, w);
            FiniteDifferences.AssertAgree(
                row.Text + " (closed form)", w, closedForm(values), numeric);
        }
    }

    [TestCase("unused variable", "U")]
    [TestCase("unused variable among products", "U")]
    public void Gradient_OfUnusedVariable_IsExactlyZero(string name, string unused)
    {
        GradientCase row = GradientTable.Row(name);
        Objective objective = row.Parse();

        var gradients = objective.Compile(row.WrtOf(objective))
            .EvaluateWithGradients(row.Bind(objective)).Gradients;

        Assert.That(objective.Variables.Keys, Does.Contain(unused));
        Assert.That(gradients[unused].Enumerate(), Is.All.EqualTo(0.0));
    }
}

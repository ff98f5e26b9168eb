using AutoGrad.Graph;
using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Differentiation;

/// <summary>
/// The printed gradient of the seed document's third example (ICA, W tied with W'): its exact
/// text, and that the text parses back to the closed form's numbers.
/// </summary>
[TestFixture]
public sealed class PrintedFormulaTests
{
    private const string Ica = "norm(W'*W*x - x,'fro')^2";

    private const string IcaGradient =
        "2*W*(W'*(W*x) - x)*x' + 2*W*x*(W'*(W*x) - x)'";

    private static ObjectiveOptions IcaShapes()
    {
        var options = new ObjectiveOptions();
        options.Shapes["W"] = Shape.Of(3, 5);
        options.Shapes["x"] = Shape.Of(5, 4);
        return options;
    }

    private static Dictionary<string, Matrix<double>> IcaData()
    {
        Random random = RandomData.For("ica formula");
        return new()
        {
            ["W"] = RandomData.Matrix(random, 3, 5),
            ["x"] = RandomData.Matrix(random, 5, 4),
        };
    }

    [Test]
    public void Formula_IcaWrtW_PrintsProductsInTheirCheapOrder()
    {
        string formula = Objective.Parse(Ica, IcaShapes()).Differentiate("W").Formula("W");

        Assert.That(formula, Is.EqualTo(IcaGradient));
    }

    [Test]
    public void Formula_IcaWrtW_ParsesBackToTheClosedForm()
    {
        string formula = Objective.Parse(Ica, IcaShapes()).Differentiate("W").Formula("W");
        Dictionary<string, Matrix<double>> v = IcaData();
        Matrix<double> probe = RandomData.Matrix(RandomData.For("ica probe"), 3, 5);
        ObjectiveOptions options = IcaShapes();
        options.Shapes["R__"] = Shape.Of(3, 5);

        double printed = Objective.Parse($"sum(sum(({formula}) .* R__))", options)
            .Interpret(new Dictionary<string, Matrix<double>>(v) { ["R__"] = probe });

        Matrix<double> w = v["W"], x = v["x"], r = w.Transpose() * w * x - x;
        Matrix<double> closed = 2 * w * r * x.Transpose() + 2 * (w * x) * r.Transpose();
        double expected = closed.PointwiseMultiply(probe).Enumerate().Sum();
        Assert.That(printed, Is.EqualTo(expected).Within(1e-12 * Math.Max(1, Math.Abs(expected))));
    }

    [Test]
    public void Formula_IcaWrtW_CompilesToTheClosedForm()
    {
        string formula = Objective.Parse(Ica, IcaShapes()).Differentiate("W").Formula("W");
        Dictionary<string, Matrix<double>> v = IcaData();
        ObjectiveOptions options = IcaShapes();
        options.Shapes["R__"] = Shape.Of(3, 5);
        CompiledObjective compiled = Objective.Parse($"sum(sum(({formula}) .* R__))", options)
            .Compile("R__");

        // The gradient of sum(sum(G .* R__)) with respect to R__ is G itself.
        var bound = new Dictionary<string, Matrix<double>>(v)
        {
            ["R__"] = Matrix<double>.Build.Dense(3, 5),
        };
        Matrix<double> gradient = compiled.EvaluateWithGradients(bound).Gradients["R__"];

        Matrix<double> w = v["W"], x = v["x"], r = w.Transpose() * w * x - x;
        Matrix<double> closed = 2 * w * r * x.Transpose() + 2 * (w * x) * r.Transpose();
        MatrixAssert.Near(closed, gradient, 1e-12, $"{formula} against the closed form");
    }

    [TestCase("x: 4 x 1; M: 3 x 4; y: 3 x 1; y'*M*x", "M", "y*x'")]
    [TestCase("x: 4 x 1; M: 3 x 4; y: 3 x 1; y'*M*x", "x", "M'*y")]
    [TestCase("x: 4 x 1; M: 3 x 4; y: 3 x 1; y'*M*x", "y", "M*x")]
    [TestCase("X: 3 x 4; w: 12 x 1; w' * X(:)", "w", "X(:)")]
    [TestCase("X: 3 x 4; w: 12 x 1; w' * X(:)", "X", "reshape(w,3,4)")]
    public void Formula_CotangentOfScalarProduct_PrintsNoProductByOne(
        string text, string wrt, string expected)
    {
        string formula = Objective.Parse(text).Differentiate(wrt).Formula(wrt);

        Assert.That(formula, Is.EqualTo(expected));
    }
}

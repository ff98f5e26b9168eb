using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Ops;

/// <summary>
/// The entrywise functions relu, sin, cos, log2, log10 and power: their printed derivatives and
/// their values at the edges of their domains. Their gradients against central differences are
/// rows of <see cref="GradientTable"/>.
/// </summary>
[TestFixture]
public sealed class ElementwiseFunctionTests
{
    [TestCase("sum(sum(sin(X)))", "cos(X)")]
    [TestCase("sum(sum(cos(X)))", "-sin(X)")]
    [TestCase("sum(sum(relu(X)))", "X > 0")]
    [TestCase("sum(sum(log2(X)))", "1./(0.6931471805599453*X)")]
    [TestCase("sum(sum(log10(X)))", "1./(2.302585092994046*X)")]
    [TestCase("sum(sum(power(X, 3)))", "3*X.^2")]
    public void Formula_OfEntrywiseFunction_IsItsDerivative(string text, string expected)
    {
        Assert.That(Parse(text).Differentiate("X").Formula("X"), Is.EqualTo(expected));
    }

    [Test]
    public void Power_OfTwoMatrices_EqualsDotCaret()
    {
        var values = Values(("X", 0.5, 2.0), ("Y", -1.5, 3.0));

        double power = Parse("sum(sum(power(X, Y)))").Interpret(values);
        double dotCaret = Parse("sum(sum(X.^Y))").Interpret(values);

        Assert.That(power, Is.EqualTo(dotCaret));
    }

    [Test]
    public void Relu_AtZero_HasValueAndGradientZero()
    {
        var values = new Dictionary<string, Matrix<double>>
        {
            ["X"] = Matrix<double>.Build.Dense(2, 2),
        };

        var (value, gradients) =
            Parse("sum(sum(relu(X)))").Compile("X").EvaluateWithGradients(values);

        Assert.That(value, Is.EqualTo(0.0));
        Assert.That(gradients["X"].Enumerate(), Is.All.EqualTo(0.0));
    }

    [Test]
    public void Relu_OfNaN_IsNaN()
    {
        var values = new Dictionary<string, Matrix<double>>
        {
            ["X"] = Matrix<double>.Build.Dense(2, 2, double.NaN),
        };

        Assert.That(Parse("sum(sum(relu(X)))").Interpret(values), Is.NaN);
    }

    [Test]
    public void Logarithms_OfPowersOfTheirBase_AreExact()
    {
        var values = new Dictionary<string, Matrix<double>>
        {
            ["X"] = Matrix<double>.Build.Dense(2, 2, [8, 1024, 0.25, 1]),
        };

        Assert.That(Parse("sum(sum(log2(X)))").Interpret(values), Is.EqualTo(3 + 10 - 2 + 0));
        values["X"] = Matrix<double>.Build.Dense(2, 2, [1000, 0.01, 1, 1e10]);
        Assert.That(Parse("sum(sum(log10(X)))").Interpret(values), Is.EqualTo(3 - 2 + 0 + 10));
    }

    // X and, when the text reads it, Y are 2 x 2.
    private static Objective Parse(string text) =>
        Objective.Parse("X: 2 x 2; " + (text.Contains('Y') ? "Y: 2 x 2; " : "") + text);

    private static Dictionary<string, Matrix<double>> Values(
        params (string Name, double Low, double High)[] ranges)
    {
        Random random = RandomData.For("elementwise functions");
        return ranges.ToDictionary(r => r.Name, r => Matrix<double>.Build.Dense(2, 2,
            (_, _) => r.Low + (r.High - r.Low) * random.NextDouble()));
    }
}

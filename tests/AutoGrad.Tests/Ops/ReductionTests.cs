using AutoGrad.Diagnostics;
using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Ops;

/// <summary>
/// softmax, logsoftmax, prod and the reductions max(X,[],dim), min(X,[],dim): values, the tie
/// rule, stability, printed derivatives and errors. Their gradients against central differences
/// are rows of <see cref="GradientTable"/>.
/// </summary>
[TestFixture]
public sealed class ReductionTests
{
    [TestCase("sum(max(X))", "(X == max(X,[],1))./sum(X == max(X,[],1),1)")]
    [TestCase("sum(max(X, [], 2))", "(X == max(X,[],2))./sum(X == max(X,[],2),2)")]
    [TestCase("min(X, [], 'all')", "(X == min(X,[],'all'))/sum(X == min(X,[],'all'),'all')")]
    [TestCase("prod(X, 'all')", "prod(X,'all')./X")]
    [TestCase("sum(logsoftmax(X), 'all')", "1 - 2*exp(X - logsumexp(X,1))")]
    public void Formula_OfReduction_IsItsDerivative(string text, string expected)
    {
        Assert.That(Parse(text).Differentiate("X").Formula("X"), Is.EqualTo(expected));
    }

    [Test]
    public void Max_OfColumnsWithTies_SplitsTheCotangentEqually()
    {
        var values = X(1, 3, 3, 2);

        var (value, gradients) = Parse("sum(max(X))").Compile("X").EvaluateWithGradients(values);

        Assert.That(value, Is.EqualTo(6.0));
        Assert.That(gradients["X"].ToColumnMajorArray(), Is.EqualTo(new[] { 0, 1, 1, 0 }));
    }

    [Test]
    public void Min_OfRows_SelectsTheSmallestEntryOfEachRow()
    {
        var values = X(4, -1, 2, 5);

        double value = Parse("sum(min(X, [], 2))").Compile().Evaluate(values);

        Assert.That(value, Is.EqualTo(2.0 + -1.0));
    }

    [Test]
    public void Max_WithNaN_IsNaN()
    {
        var values = X(1, double.NaN, 3, 2);

        Assert.That(Parse("sum(max(X))").Interpret(values), Is.NaN);
        Assert.That(Parse("sum(max(X))").Compile().Evaluate(values), Is.NaN);
    }

    [Test]
    public void Softmax_AtLargeEntries_IsFiniteAndSumsToOne()
    {
        var values = X(800, 801, -800, 1000);

        double value = Parse("sum(sum(softmax(X)))").Compile().Evaluate(values);
        double log = Parse("sum(logsoftmax(X, 'all'), 'all')").Compile().Evaluate(values);

        Assert.That(value, Is.EqualTo(2.0).Within(1e-12));
        Assert.That(double.IsFinite(log), Is.True, $"logsoftmax is {log}");
    }

    [Test]
    public void Prod_OfRowsAndColumns_MultipliesEntries()
    {
        var values = X(2, 3, 5, 7);

        Assert.That(Parse("sum(prod(X))").Compile().Evaluate(values), Is.EqualTo(6.0 + 35.0));
        Assert.That(Parse("sum(prod(X, 2))").Interpret(values), Is.EqualTo(10.0 + 21.0));
    }

    [Test]
    public void EmptyMatrix_OutsideMaxAndMin_IsNotSupported()
    {
        var e = Assert.Throws<AutoGradException>(() => Parse("sum(sum(X + []))"))!;

        Assert.That(e.Message, Is.EqualTo(
            "the empty matrix '[]' other than in max(X,[],dim) and min(X,[],dim) is not "
            + "supported yet; use ones(r,c), zeros(r,c) or data bound to a name\n"
            + "  at line 1, column 23:\n"
            + "  X: 2 x 2; sum(sum(X + []))\n"
            + "                        ^^"));
    }

    [Test]
    public void Max_WithMatrixInThePlaceOfEmpty_ReportsTheArgument()
    {
        var e = Assert.Throws<AutoGradException>(() => Parse("sum(max(X, X, 1))"))!;

        Assert.That(e.Message, Is.EqualTo(
            "max expects [] (as in max(X,[],dim)) here\n"
            + "  at line 1, column 22:\n"
            + "  X: 2 x 2; sum(max(X, X, 1))\n"
            + "                       ^"));
    }

    private static Objective Parse(string text) => Objective.Parse("X: 2 x 2; " + text);

    // X = [a c; b d], given column by column.
    private static Dictionary<string, Matrix<double>> X(double a, double b, double c, double d) =>
        new() { ["X"] = Matrix<double>.Build.Dense(2, 2, [a, b, c, d]) };
}

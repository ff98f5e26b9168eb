using AutoGrad.Diagnostics;
using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Ops;

/// <summary>
/// The matrix norms as MATLAB means them: norm(X) and norm(X,2) the largest singular value,
/// norm(X,'nuc'), norm(X,1), norm(X,Inf), and norm(x,Inf) of a vector; their printed gradients
/// and the second derivative that is not built. Gradients against central differences are rows
/// of <see cref="GradientTable"/>.
/// </summary>
[TestFixture]
public sealed class NormTests
{
    private static readonly Matrix<double> s_x =
        Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 0, 1 }, { 4, -2, 0 } });

    [TestCase("norm(X)")]
    [TestCase("norm(X, 2)")]
    public void Norm_OfMatrix_IsTheLargestSingularValueNotFrobenius(string text)
    {
        double value = Parse(text).Compile().Evaluate(Values());

        double largest = s_x.Svd(computeVectors: false).S[0];
        Assert.That(value, Is.EqualTo(largest).Within(1e-12));
        Assert.That(value, Is.Not.EqualTo(s_x.FrobeniusNorm()).Within(1e-3));
    }

    [TestCase("norm(X,'nuc')", 0)]
    [TestCase("norm(X, 1)", 1)]
    [TestCase("norm(X, Inf)", 2)]
    [TestCase("norm(X, 'inf')", 2)]
    public void Norm_OfMatrix_MatchesItsDefinition(string text, int kind)
    {
        double expected = kind switch
        {
            0 => s_x.Svd(computeVectors: false).S.Sum(),
            1 => s_x.L1Norm(),
            _ => s_x.InfinityNorm(),
        };

        Assert.That(Parse(text).Compile().Evaluate(Values()), Is.EqualTo(expected).Within(1e-12));
        Assert.That(Parse(text).Interpret(Values()), Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void Norm_OfVectorAtInf_IsTheLargestMagnitude()
    {
        var values = new Dictionary<string, Matrix<double>>
        {
            ["x"] = Matrix<double>.Build.Dense(3, 1, [1, -5, 2]),
        };

        double value = Objective.Parse("x: 3 x 1; norm(x, Inf)").Compile().Evaluate(values);

        Assert.That(value, Is.EqualTo(5.0));
    }

    [TestCase("norm(X)", "polar1(X)")]
    [TestCase("norm(X,'nuc')", "polar(X)")]
    public void Formula_OfMatrixNorm_IsItsPolarFactor(string text, string expected)
    {
        Assert.That(Parse(text).Differentiate("X").Formula("X"), Is.EqualTo(expected));
    }

    [Test]
    public void Polar_IsUTimesVTransposed()
    {
        var svd = s_x.Svd();
        Matrix<double> expected = svd.U * svd.VT.SubMatrix(0, 2, 0, 3);

        double probe = Parse("sum(sum(polar(X) .* X))").Interpret(Values());

        Assert.That(probe, Is.EqualTo(expected.PointwiseMultiply(s_x).Enumerate().Sum())
            .Within(1e-12));
    }

    [Test]
    public void SecondDerivative_ThroughPolar_IsNotSupported()
    {
        Objective objective = Parse("sum(sum(polar(X) .* X))");

        var e = Assert.Throws<AutoGradException>(() => objective.Differentiate("X"))!;

        Assert.That((e.Kind, e.Summary), Is.EqualTo((ErrorKind.NotSupported,
            "the second derivative of a matrix norm through polar(X) is not supported yet; "
            + "use norm(X,'fro') where a second derivative is needed")));
    }

    private static Objective Parse(string text) => Objective.Parse("X: 2 x 3; " + text);

    private static Dictionary<string, Matrix<double>> Values() => new() { ["X"] = s_x };
}

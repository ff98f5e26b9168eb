using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Differentiation;

/// <summary>
/// The gradient where finite differences cannot judge it: ties of max and min, the kink of abs,
/// and a squared norm at zero. The choices are PyTorch's, so the reference cases agree.
/// </summary>
[TestFixture]
public sealed class NonSmoothPointTests
{
    private static IReadOnlyDictionary<string, Matrix<double>> Gradients(
        string text, Dictionary<string, Matrix<double>> values)
    {
        Objective objective = Objective.Parse(text);
        return objective.Compile([.. objective.Variables.Keys]).EvaluateWithGradients(values)
            .Gradients;
    }

    [TestCase("max")]
    [TestCase("min")]
    public void Gradient_AtTie_IsSplitEqually(string function)
    {
        Matrix<double> x = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 3, 4 } });
        Matrix<double> y = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 5, 4 } });
        bool isMax = function == "max";

        var gradients = Gradients($"X: 2 x 2; Y: 2 x 2; sum(sum({function}(X, Y)))",
            new() { ["X"] = x, ["Y"] = y });

        // Entries (1,1) and (2,2) tie; (1,2) has X larger, (2,1) has Y larger.
        double[,] expectedX = { { 0.5, isMax ? 1 : 0 }, { isMax ? 0 : 1, 0.5 } };
        Assert.That(gradients["X"].ToArray(), Is.EqualTo(expectedX));
        Assert.That((gradients["X"] + gradients["Y"]).Enumerate(), Is.All.EqualTo(1.0));
    }

    [Test]
    public void Gradient_OfAbsAtZero_IsZero()
    {
        Matrix<double> x = Matrix<double>.Build.DenseOfArray(new double[,] { { -2, 0, 3 } });

        var gradients = Gradients("X: 1 x 3; sum(abs(X))", new() { ["X"] = x });

        Assert.That(gradients["X"].ToArray(), Is.EqualTo(new double[,] { { -1, 0, 1 } }));
    }

    [Test]
    public void Gradient_OfSquaredNormAtZeroResidual_IsZeroNotNaN()
    {
        // Multiples of 0.5: every product is exact, so the residual is exactly 0.
        Random random = RandomData.For("zero residual");
        Matrix<double> a = Domain.HalfSteps.Matrix(random, 3, 2);
        Matrix<double> s = Domain.HalfSteps.Matrix(random, 2, 4);

        var gradients = Gradients("A: 3 x 2; s: 2 x 4; x: 3 x 4; norm(A*s - x,'fro')^2",
            new() { ["A"] = a, ["s"] = s, ["x"] = a * s });

        Assert.That(gradients["A"].Enumerate(), Is.All.EqualTo(0.0));
        Assert.That(gradients["s"].Enumerate(), Is.All.EqualTo(0.0));
    }

    [Test]
    public void Gradient_OfRectifierAtZero_IsHalf()
    {
        Matrix<double> x = Matrix<double>.Build.DenseOfArray(new double[,] { { -1, 0, 2 } });

        var gradients = Gradients("X: 1 x 3; sum(max(X, 0))", new() { ["X"] = x });

        Assert.That(gradients["X"].ToArray(), Is.EqualTo(new double[,] { { 0, 0.5, 1 } }));
    }
}

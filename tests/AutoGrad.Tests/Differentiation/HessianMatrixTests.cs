using AutoGrad.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Differentiation;

/// <summary>The full Hessian as numbers, one Hessian-vector product per coordinate.</summary>
[TestFixture]
public sealed class HessianMatrixTests
{
    [Test]
    public void HessianAt_TraceOfQuadraticForm_IsKroneckerOfIdentityAndSymmetricPart()
    {
        // d/dX trace(X'*B*X) = (B + B')*X, so on vec(X) the Hessian is kron(eye(2), B + B').
        var b = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2, 0 }, { -1, 3, 4 }, { 5, 0, 2 } });
        var x = Matrix<double>.Build.Dense(3, 2, (i, j) => i - j + 0.5);
        var values = new Dictionary<string, Matrix<double>> { ["X"] = x, ["B"] = b };

        Matrix<double> h = Objective.Parse("X: 3 x 2; B: 3 x 3; trace(X'*B*X)").HessianAt(values, "X");

        var expected = Matrix<double>.Build.DenseIdentity(2).KroneckerProduct(b + b.Transpose());
        Assert.That((h - expected).FrobeniusNorm(), Is.LessThan(1e-12));
    }

    [Test]
    public void HessianAt_TwoVariables_HasTheMixedBlocks()
    {
        // f = sum(a .* c.^2) for columns a, c: d2f/da dc = diag(2*c), d2f/dc2 = diag(2*a).
        var a = Matrix<double>.Build.DenseOfColumnMajor(2, 1, [3.0, -1.0]);
        var c = Matrix<double>.Build.DenseOfColumnMajor(2, 1, [0.5, 2.0]);
        var values = new Dictionary<string, Matrix<double>> { ["a"] = a, ["c"] = c };

        Matrix<double> h = Objective.Parse("a: 2 x 1; c: 2 x 1; sum(a .* c.^2)")
            .HessianAt(values, "a", "c");

        var expected = Matrix<double>.Build.DenseOfArray(new double[,]
        {
            { 0, 0, 1, 0 },
            { 0, 0, 0, 4 },
            { 1, 0, 6, 0 },
            { 0, 4, 0, -2 },
        });
        Assert.That((h - expected).FrobeniusNorm(), Is.LessThan(1e-12));
    }

    [Test]
    public void HessianAt_TooManyCoordinates_IsALimitError()
    {
        var x = Matrix<double>.Build.Dense(5000, 1);
        var values = new Dictionary<string, Matrix<double>> { ["x"] = x };

        var e = Assert.Throws<AutoGradException>(
            () => Objective.Parse("x: 5000 x 1; sum(x.^2)").HessianAt(values, "x"));

        Assert.That(e!.Kind, Is.EqualTo(ErrorKind.Limit));
    }
}

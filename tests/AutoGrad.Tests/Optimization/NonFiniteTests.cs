using AutoGrad.Optimization;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Optimization;

[TestFixture]
public sealed class NonFiniteTests
{
    [Test]
    public void FirstIn_NaNInData_NamesTheEntryCountingFromOne()
    {
        var x = Matrix<double>.Build.Dense(3, 4);
        x[2, 1] = double.NaN;
        var values = new Dictionary<string, Matrix<double>>
        {
            ["a"] = Matrix<double>.Build.Dense(2, 2, 1.0),
            ["x"] = x,
        };

        Assert.That(NonFinite.FirstIn(values), Is.EqualTo("x(3,2) is NaN"));
    }

    [Test]
    public void FirstIn_AllFinite_IsNull()
    {
        var values = new Dictionary<string, Matrix<double>> { ["x"] = Matrix<double>.Build.Dense(2, 3) };

        Assert.That(NonFinite.FirstIn(values), Is.Null);
    }

    [Test]
    public void FirstInGradient_InfInSecondVariable_NamesVariableAndEntry()
    {
        var layout = new ParameterLayout([("W", 2, 2), ("b", 2, 1)]);
        double[] gradient = [0, 0, 0, 0, 1, double.PositiveInfinity];

        Assert.That(NonFinite.FirstInGradient(layout, gradient),
            Is.EqualTo("the gradient entry b(2,1) is Inf"));
    }
}

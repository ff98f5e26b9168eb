using AutoGrad.Compilation;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Robustness;

/// <summary>
/// The numeric conventions of docs/language.md, checked on both paths: the compiled function and
/// the gradient graph run by the reference interpreter. At points where the derivative does not
/// exist the choice is PyTorch's (abs'(0) = 0, ties split equally, a norm at 0 has gradient 0);
/// sqrt'(0) is +Inf; NaN and Inf in the data propagate by IEEE rules; and the forms that
/// overflow or lose precision when evaluated naively stay accurate.
/// </summary>
[TestFixture]
public sealed class ConventionTests
{
    private static Matrix<double> Column(params double[] values) =>
        Matrix<double>.Build.DenseOfColumnMajor(values.Length, 1, values);

    private static Matrix<double> Scalar(double value) => Column(value);

    // The value and the gradient of every variable, compiled and interpreted; the two agree.
    private static (double Value, Dictionary<string, Matrix<double>> Gradients) Run(
        string text, Dictionary<string, Matrix<double>> values)
    {
        Objective f = Objective.Parse(text);
        string[] names = [.. f.Variables.Keys];
        var (value, compiled) = f.Compile(names).EvaluateWithGradients(values);
        GradientGraph graph = f.Differentiate(names);
        Matrix<double>[] interpreted = Interpreter.Evaluate(
            [.. names.Select(graph.Node)], n => values[n],
            d => throw new InvalidOperationException(d));

        for (int i = 0; i < names.Length; i++)
        {
            Assert.That(compiled[names[i]].ToColumnMajorArray(),
                Is.EqualTo(interpreted[i].ToColumnMajorArray()).Within(1e-12),
                $"{text}: the compiled and interpreted gradients of {names[i]} differ");
        }
        double interpretedValue = f.Interpret(values);
        Assert.That(interpretedValue, double.IsFinite(value)
            ? Is.EqualTo(value).Within(1e-12 * Math.Abs(value))
            : Is.EqualTo(value), $"{text}: the compiled and interpreted values differ");
        return (value, compiled.ToDictionary(g => g.Key, g => g.Value));
    }

    [TestCase("x: 1 x 1; abs(x)", TestName = "Abs_AtZero_HasDerivativeZero")]
    [TestCase("x: 1 x 1; abs(x).^3 + abs(x)",
        TestName = "AbsInsideAPower_AtZero_HasDerivativeZero")]
    [TestCase("x: 1 x 1; sign(x)", TestName = "Sign_AtZero_HasDerivativeZero")]
    public void NonSmoothFunction_AtZero_HasDerivativeZero(string text)
    {
        var (_, gradients) = Run(text, new() { ["x"] = Scalar(0) });

        Assert.That(gradients["x"][0, 0], Is.EqualTo(0.0));
    }

    [TestCase("max")]
    [TestCase("min")]
    public void Selection_TieWithExpandedScalar_SplitsEachEntryEqually(string function)
    {
        // Every entry of X ties with c: each sends half its cotangent to X, half to c.
        var values = new Dictionary<string, Matrix<double>>
        {
            ["X"] = Column(2, 2, 2), ["c"] = Scalar(2),
        };

        var (value, gradients) = Run($"X: 3 x 1; c: 1 x 1; sum({function}(X, c))", values);

        Assert.That(value, Is.EqualTo(6));
        Assert.That(gradients["X"].Enumerate(), Is.All.EqualTo(0.5));
        Assert.That(gradients["c"][0, 0], Is.EqualTo(1.5));
    }

    [Test]
    public void Selection_TieOfScalars_SplitsEqually()
    {
        var values = new Dictionary<string, Matrix<double>>
        {
            ["x"] = Scalar(3), ["y"] = Scalar(3),
        };

        var (_, gradients) = Run("x: 1 x 1; y: 1 x 1; 4*max(x, y) + 2*min(x, y)", values);

        Assert.That((gradients["x"][0, 0], gradients["y"][0, 0]), Is.EqualTo((3.0, 3.0)));
    }

    [TestCase("norm(x)^2", TestName = "SquaredNorm_AtZero_HasGradientZero")]
    [TestCase("norm(x,'fro')^2", TestName = "SquaredFrobeniusNorm_AtZero_HasGradientZero")]
    [TestCase("norm(x)", TestName = "Norm_AtZero_HasGradientZero")]
    [TestCase("norm(x, 2)", TestName = "TwoNorm_AtZero_HasGradientZero")]
    [TestCase("norm(x,'fro')", TestName = "FrobeniusNorm_AtZero_HasGradientZero")]
    [TestCase("norm(x, 1)", TestName = "OneNorm_AtZero_HasGradientZero")]
    public void Norm_AtZero_HasGradientZeroNotNaN(string norm)
    {
        var (value, gradients) = Run($"x: 3 x 1; {norm}", new() { ["x"] = Column(0, 0, 0) });

        Assert.That(value, Is.EqualTo(0.0));
        Assert.That(gradients["x"].Enumerate(), Is.All.EqualTo(0.0), $"d/dx {norm} at x = 0");
    }

    [Test]
    public void Sqrt_AtZero_HasInfiniteDerivative()
    {
        var (value, gradients) = Run("x: 2 x 1; sum(sqrt(x))", new() { ["x"] = Column(0, 4) });

        Assert.That(value, Is.EqualTo(2.0));
        Assert.That(gradients["x"][0, 0], Is.EqualTo(double.PositiveInfinity));
        Assert.That(gradients["x"][1, 0], Is.EqualTo(0.25));
    }

    [Test]
    public void NaNInData_MakesTheValueNaN_AndOnlyItsOwnGradientEntry()
    {
        var (value, gradients) = Run("x: 3 x 1; sum(x.^2)",
            new() { ["x"] = Column(1, double.NaN, 3) });

        Assert.That(value, Is.NaN);
        Assert.That(gradients["x"].ToColumnMajorArray(), Is.EqualTo(new[] { 2, double.NaN, 6 }));
    }

    [Test]
    public void NaNInData_ThroughAProduct_MakesTheValueNaN()
    {
        var values = new Dictionary<string, Matrix<double>>
        {
            ["A"] = Matrix<double>.Build.DenseOfArray(new[,] { { 1, double.NaN }, { 0, 1 } }),
            ["u"] = Column(1, 1),
        };

        var (value, _) = Run("A: 2 x 2; u: 2 x 1; sum(A*u)", values);

        Assert.That(value, Is.NaN);
    }

    [TestCase(double.PositiveInfinity, double.PositiveInfinity, TestName = "Inf_InExp_IsInf")]
    [TestCase(double.NegativeInfinity, 0.0, TestName = "MinusInf_InExp_IsZero")]
    public void InfInData_FollowsIeee(double entry, double expected)
    {
        var (value, gradients) = Run("x: 1 x 1; exp(x)", new() { ["x"] = Scalar(entry) });

        Assert.That((value, gradients["x"][0, 0]), Is.EqualTo((expected, expected)));
    }

    [Test]
    public void InfMinusInf_InData_IsNaN()
    {
        var (value, gradients) = Run("x: 2 x 1; sum(x)",
            new() { ["x"] = Column(double.PositiveInfinity, double.NegativeInfinity) });

        Assert.That(value, Is.NaN);
        Assert.That(gradients["x"].Enumerate(), Is.All.EqualTo(1.0));
    }

    // The stable forms: each is evaluated where the naive form fails.
    [TestCase("log(1 + exp(x))", 800, 800, 1, TestName = "Softplus_AtEightHundred_IsFinite")]
    [TestCase("log(exp(x) + 1)", 800, 800, 1,
        TestName = "SoftplusWrittenTheOtherWay_AtEightHundred_IsFinite")]
    [TestCase("log(1 + exp(x))", -800, 0, 0, TestName = "Softplus_AtMinusEightHundred_IsZero")]
    [TestCase("log(1 + x)", 1e-20, 1e-20, 1, TestName = "LogOnePlus_AtTinyX_KeepsX")]
    [TestCase("exp(x) - 1", 1e-20, 1e-20, 1, TestName = "ExpMinusOne_AtTinyX_KeepsX")]
    public void StableForm_StaysAccurate(string text, double x, double value, double slope)
    {
        var (actual, gradients) = Run("x: 1 x 1; " + text, new() { ["x"] = Scalar(x) });

        Assert.That(actual, Is.EqualTo(value).Within(1e-15 * Math.Max(1e-300, Math.Abs(value))));
        Assert.That(gradients["x"][0, 0], Is.EqualTo(slope).Within(1e-15));
    }

    [TestCase("log(sum(exp(X)))", TestName = "LogSumExp_AtEightHundred_IsFinite")]
    [TestCase("log(sum(exp(X), 'all'))", TestName = "LogSumExpOverAll_AtEightHundred_IsFinite")]
    public void LogSumExp_AtEightHundred_IsFinite(string text)
    {
        var (value, gradients) = Run("X: 3 x 1; " + text, new() { ["X"] = Column(800, 799, 0) });

        // 800 + log(1 + e^-1 + e^-800); the gradient is softmax(X).
        double total = 1 + Math.Exp(-1);
        Assert.That(value, Is.EqualTo(800 + Math.Log(total)).Within(1e-12));
        Assert.That(gradients["X"].ToColumnMajorArray(),
            Is.EqualTo(new[] { 1 / total, Math.Exp(-1) / total, 0 }).Within(1e-13));
    }
}

using AutoGrad.Diagnostics;
using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;
using Closed = System.Func<
    System.Collections.Generic.IReadOnlyDictionary<
        string, MathNet.Numerics.LinearAlgebra.Matrix<double>>,
    MathNet.Numerics.LinearAlgebra.Matrix<double>>;

namespace AutoGrad.Tests.Ops;

/// <summary>
/// inv, det, logdet, the solves A\B and B/A, and diag: the Matrix Cookbook's identities
/// (chapter 2) against the compiled gradient and central differences, the printed formulas,
/// and the call-time errors for singular and indefinite matrices.
/// </summary>
[TestFixture]
public sealed class LinearAlgebraTests
{
    private const double ClosedFormTolerance = 1e-10;

    // The Cookbook's identities, each: name, objective, the variable, its gradient.
    private static readonly (string Name, string Text, Closed Gradient)[] s_cookbook =
    [
        ("(57) d logdet X = inv(X)'", "logdet(X)", v => v["X"].Inverse().Transpose()),
        ("(49) d det X = det(X)*inv(X)'", "det(X)",
            v => v["X"].Determinant() * v["X"].Inverse().Transpose()),
        ("(124) d trace(inv(X)*A) = -(inv(X)*A*inv(X))'", "trace(inv(X)*A)",
            v => -(v["X"].Inverse() * v["A"] * v["X"].Inverse()).Transpose()),
        ("(61) d a'*inv(X)*b = -inv(X)'*a*b'*inv(X)'", "a'*inv(X)*b",
            v => -v["X"].Inverse().Transpose() * v["a"] * v["b"].Transpose()
                * v["X"].Inverse().Transpose()),
        ("(111) d trace(X'*B*X) = (B + B')*X", "trace(X'*B*X)",
            v => (v["B"] + v["B"].Transpose()) * v["X"]),
        ("d a'*(X\\b) = -(X'\\a)*(X\\b)'", "a'*(X\\b)",
            v => -(v["X"].Transpose().Solve(v["a"])) * v["X"].Solve(v["b"]).Transpose()),
    ];

    private static IEnumerable<TestCaseData> Cookbook() =>
        s_cookbook.Select(c => new TestCaseData(c.Text).SetArgDisplayNames(c.Name));

    [TestCaseSource(nameof(Cookbook))]
    public void Gradient_MatchesTheCookbookIdentity(string text)
    {
        Closed identity = s_cookbook.Single(c => c.Text == text).Gradient;
        Objective objective = Parse(text);
        Dictionary<string, Matrix<double>> values = Values();

        var gradients = objective.Compile("X").EvaluateWithGradients(values).Gradients;

        MatrixAssert.Near(identity(values), gradients["X"], ClosedFormTolerance, text);
        Matrix<double> numeric = FiniteDifferences.Gradient(objective.Interpret, values, "X");
        FiniteDifferences.AssertAgree(text, "X", identity(values), numeric);
    }

    [TestCase("logdet(X)", "inv(X)'")]
    [TestCase("det(X)", "det(X)*inv(X)'")]
    [TestCase("trace(inv(X)*A)", "-inv(X)'*(A'*inv(X)')")]
    [TestCase("a'*inv(X)*b", "-inv(X)'*a*(b'*inv(X)')")]
    [TestCase("a'*(X\\b)", "-(X'\\a)*(X\\b)'")]
    [TestCase("0.5*a'*(X\\b)", "-(X'\\(0.5*a))*(X\\b)'")]
    [TestCase("sum(diag(X).^2)", "diag(2*diag(X))")]
    public void Formula_PrintsInTheCookbooksForm(string text, string expected)
    {
        Assert.That(Parse(text).Differentiate("X").Formula("X"), Is.EqualTo(expected));
    }

    [Test]
    public void Solve_AgreesWithTheInverseAndRightDivisionWithTheTransposedSolve()
    {
        Dictionary<string, Matrix<double>> v = Values();
        Matrix<double> x = v["X"];

        double left = Parse("a'*(X\\b)").Compile().Evaluate(v);
        double right = Parse("(b'/X)*a").Compile().Evaluate(v);

        double expected = (v["a"].Transpose() * x.Inverse() * v["b"])[0, 0];
        Assert.That(left, Is.EqualTo(expected).Within(1e-12));
        Assert.That(right, Is.EqualTo((v["b"].Transpose() * x.Inverse() * v["a"])[0, 0])
            .Within(1e-12));
    }

    [Test]
    public void Kron_EqualsTheKroneckerProduct()
    {
        Dictionary<string, Matrix<double>> v = Values();
        var probe = Matrix<double>.Build.Dense(6, 9, (i, j) => i - (0.5 * j));
        v["P"] = probe;

        double value = Objective.Parse("R: 2 x 3; " + Prefix + "P: 6 x 9; "
            + "sum(sum(kron(R, A) .* P))").Compile().Evaluate(v);

        double expected = v["R"].KroneckerProduct(v["A"]).PointwiseMultiply(probe)
            .Enumerate().Sum();
        Assert.That(value, Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void LogDet_OfLargeSpdMatrix_IsFiniteWhereDetOverflows()
    {
        Dictionary<string, Matrix<double>> x = Values();
        x["X"] = 1e120 * Matrix<double>.Build.DenseIdentity(3);

        Assert.That(Parse("logdet(X)").Compile().Evaluate(x), Is.EqualTo(3 * 120 * Math.Log(10))
            .Within(1e-9));
        Assert.That(Parse("det(X)").Compile().Evaluate(x), Is.EqualTo(double.PositiveInfinity));
    }

    [Test]
    public void LogDet_OfNegativeDeterminant_IsABindingErrorNamingTheMatrix()
    {
        Dictionary<string, Matrix<double>> x = Values();
        x["X"] = Matrix<double>.Build.DenseOfDiagonalArray([2, -1, 1]);

        var compiled = Assert.Throws<AutoGradException>(
            () => Parse("logdet(X)").Compile().Evaluate(x))!;
        var interpreted = Assert.Throws<AutoGradException>(() => Parse("logdet(X)").Interpret(x))!;

        const string message = "logdet needs a positive determinant (a positive definite "
            + "matrix), but the 3x3 value of 'X' has determinant -2; use log(abs(det(X))) for "
            + "the log of its magnitude";
        Assert.That((compiled.Kind, compiled.Message), Is.EqualTo((ErrorKind.Binding, message)));
        Assert.That(interpreted.Message, Is.EqualTo(message));
    }

    [TestCase("sum(sum(inv(X + A)))", "inv", "'X + A'")]
    [TestCase("a'*((X + A)\\b)", "'\\'", "'X + A'")]
    [TestCase("logdet(X + A)", "logdet", "'X + A'")]
    public void Singular_AtCallTime_IsABindingErrorNamingTheMatrix(
        string text, string op, string subject)
    {
        Dictionary<string, Matrix<double>> v = Values();
        v["A"] = -v["X"] + Matrix<double>.Build.DenseOfDiagonalArray([1, 0, 1]);

        var e = Assert.Throws<AutoGradException>(() => Parse(text).Compile().Evaluate(v))!;

        string expected = op == "logdet"
            ? $"logdet needs a positive determinant (a positive definite matrix), but the 3x3 "
                + $"value of {subject} has determinant 0; use log(abs(det(X))) for the log of "
                + "its magnitude"
            : $"{op} needs an invertible matrix, but the 3x3 value of {subject} is singular "
                + "(to working precision) at the bound values";
        Assert.That((e.Kind, e.Message), Is.EqualTo((ErrorKind.Binding, expected)));
    }

    [TestCase("sum(sum(A \\ R))", "A\\B needs as many rows in B as in A: A is 3x3, B is 2x3",
        11)]
    [TestCase("sum(sum(a / A))", "B/A needs as many columns in B as in A: B is 3x1, A is 3x3",
        11)]
    [TestCase("sum(sum(R \\ R))", "'\\' needs a square matrix, got 2x3", 11)]
    [TestCase("sum(sum(A / R))", "the divisor of '/' needs a square matrix, got 2x3", 11)]
    [TestCase("sum(diag(R))", "diag of a matrix needs a square matrix, got 2x3", 5)]
    [TestCase("det(R)", "det needs a square matrix, got 2x3", 1)]
    public void Parse_BadLinearAlgebraShapes_ReportsShapes(string text, string summary, int column)
    {
        var e = Assert.Throws<AutoGradException>(() => Parse(text))!;

        Assert.That((e.Kind, e.Summary, e.Column - "R: 2 x 3; ".Length - Prefix.Length),
            Is.EqualTo((ErrorKind.Shape, summary, column)));
    }

    private const string Prefix = "X: 3 x 3; A: 3 x 3; B: 3 x 3; a: 3 x 1; b: 3 x 1; ";

    // The declarations of X, A, B, a and b (and R, 2 x 3, when the text reads it).
    private static Objective Parse(string text) =>
        Objective.Parse("R: 2 x 3; " + Prefix + text);

    // X is strictly diagonally dominant with a positive diagonal, so det(X) > 0.
    private static Dictionary<string, Matrix<double>> Values()
    {
        Random random = RandomData.For("linear algebra");
        Matrix<double> Draw(int rows, int cols) =>
            Matrix<double>.Build.Dense(rows, cols, (_, _) => random.NextDouble() - 0.5);
        return new()
        {
            ["X"] = Draw(3, 3) + 3 * Matrix<double>.Build.DenseIdentity(3),
            ["A"] = Draw(3, 3),
            ["B"] = Draw(3, 3),
            ["a"] = Draw(3, 1),
            ["b"] = Draw(3, 1),
            ["R"] = Draw(2, 3),
        };
    }
}

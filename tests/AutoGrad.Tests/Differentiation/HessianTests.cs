using AutoGrad.Compilation;
using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using AutoGrad.Tests.Cli;
using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Differentiation;

/// <summary>
/// Second derivatives: the Hessian-vector product (the gradient graph differentiated again) and
/// the full Hessian of a column variable, against central differences of the compiled gradient;
/// the printed Hessian of least squares; and the forms the substitution v := eye(n) rejects.
/// </summary>
[TestFixture]
public sealed class HessianTests
{
    private const double Step = 1e-5;

    private const double Tolerance = 1e-6;

    // Objectives of a 3 x 1 x, with A 5 x 3, B 3 x 3, b 5 x 1.
    private static readonly string[] s_objectives =
    [
        "norm(A*x - b)^2",
        "x'*B*x",
        "sum(log(1 + exp(A*x)))",
        "sum(x.^3) + sum(exp(x))*sum(x)",
        "logsumexp(A*x)",
        "sum(b .* logsoftmax(A*x))",
        "norm(x)^4",
        "sum(sin(x) .* cos(B*x))",
    ];

    [Test]
    public void Hessian_OfLeastSquares_PrintsAsTheCookbookDoes()
    {
        Node hessian = Parse("norm(A*x - b)^2").Hessian("x");

        Assert.That(AutoGrad.Syntax.Printer.Print(hessian), Is.EqualTo("2*A'*A"));
    }

    [Test]
    public void Derive_WithHessian_PrintsTheHessianOfLeastSquares()
    {
        CliRun run = CliRun.Of("derive", "--hessian", "norm(A*x - b)^2", "--wrt", "x",
            "--shape", "A=5x3", "--shape", "x=3x1", "--shape", "b=5x1");

        Assert.That((run.ExitCode, run.Output, run.Error),
            Is.EqualTo((0, "d2/dx2 = 2*A'*A\n", "")));
    }

    [TestCaseSource(nameof(s_objectives))]
    public void Hessian_MatchesCentralDifferencesOfTheGradient(string text)
    {
        Objective objective = Parse(text);
        Dictionary<string, Matrix<double>> values = Values();
        CompiledObjective compiled = objective.Compile("x");

        Matrix<double> hessian = Evaluate(objective.Hessian("x"), values);

        var numeric = Matrix<double>.Build.Dense(3, 3);
        for (int j = 0; j < 3; j++)
        {
            numeric.SetColumn(j, Difference(compiled, values, "x", Unit(j)).Column(0));
        }
        FiniteDifferences.AssertAgree(text + " (Hessian)", "x", hessian, numeric);
    }

    [TestCase("norm(W'*W*X - X,'fro')^2")]
    [TestCase("sum(sum(logsoftmax(W*X)))")]
    [TestCase("logdet(W*W' + eye(2))")]
    public void HessianVector_OfMatrixVariable_MatchesCentralDifferences(string text)
    {
        Objective objective = Objective.Parse("W: 2 x 3; X: 3 x 4; " + text);
        Random random = RandomData.For(text);
        var values = new Dictionary<string, Matrix<double>>
        {
            ["W"] = RandomData.Matrix(random, 2, 3),
            ["X"] = RandomData.Matrix(random, 3, 4),
        };
        Matrix<double> direction = RandomData.Matrix(random, 2, 3);

        HessianVectorGraph product = objective.HessianVector("W");
        var bound = new Dictionary<string, Matrix<double>>(values)
        {
            [product.Direction] = direction,
        };
        Matrix<double> analytic = Evaluate(product.Node, bound);

        Matrix<double> numeric = Difference(objective.Compile("W"), values, "W", direction);
        Assert.That(product.Direction, Is.EqualTo("v"));
        FiniteDifferences.AssertAgree(text + " (H*v)", "W", analytic, numeric);
    }

    [Test]
    public void HessianVector_WhenVIsTaken_NamesTheDirectionV1()
    {
        Objective objective = Objective.Parse("v: 3 x 1; x: 3 x 1; sum((v .* x).^2)");

        HessianVectorGraph product = objective.HessianVector("x");

        Assert.That((product.Direction, product.Formula), Is.EqualTo(("v1", "2*(v1.*v.*v)")));
    }

    [Test]
    public void Hessian_OfMatrixVariable_IsNotSupported()
    {
        var e = Assert.Throws<AutoGradException>(
            () => Objective.Parse("W: 3 x 2; sum(sum(W.^3))").Hessian("W"))!;

        Assert.That((e.Kind, e.Message), Is.EqualTo((ErrorKind.NotSupported,
            "the Hessian with respect to the 3x2 matrix W is not supported yet; use "
            + "HessianVector(\"W\") for its products with a direction, or a column variable")));
    }

    [Test]
    public void Hessian_WhereTheDirectionsColumnsMix_IsNotSupportedAtTheOperator()
    {
        var e = Assert.Throws<AutoGradException>(
            () => Objective.Parse("x: 3 x 1; sum(sum((x*x').^2))").Hessian("x"))!;

        Assert.That((e.Kind, e.Message), Is.EqualTo((ErrorKind.NotSupported,
            "the full Hessian with respect to x here ('*' mixes the direction's columns) is not "
            + "supported yet; use HessianVector for its products with a vector\n"
            + "  at line 1, column 21:\n"
            + "  x: 3 x 1; sum(sum((x*x').^2))\n"
            + "                      ^")));
    }

    private static Objective Parse(string text) =>
        Objective.Parse("A: 5 x 3; B: 3 x 3; b: 5 x 1; x: 3 x 1; " + text);

    private static Dictionary<string, Matrix<double>> Values()
    {
        Random random = RandomData.For("hessian");
        return new()
        {
            ["A"] = RandomData.Matrix(random, 5, 3),
            ["B"] = RandomData.Matrix(random, 3, 3),
            ["b"] = RandomData.Matrix(random, 5, 1),
            ["x"] = RandomData.Matrix(random, 3, 1),
        };
    }

    private static Matrix<double> Evaluate(Node node, Dictionary<string, Matrix<double>> values) =>
        Interpreter.Evaluate([node], name => values[name], _ => 0)[0];

    private static Matrix<double> Unit(int j)
    {
        var e = Matrix<double>.Build.Dense(3, 1);
        e[j, 0] = 1;
        return e;
    }

    // (g(w + h*d) - g(w - h*d)) / 2h for the compiled gradient g with respect to name.
    private static Matrix<double> Difference(CompiledObjective compiled,
        Dictionary<string, Matrix<double>> values, string name, Matrix<double> direction)
    {
        Matrix<double> GradientAt(double h)
        {
            var moved = new Dictionary<string, Matrix<double>>(values)
            {
                [name] = values[name] + (h * direction),
            };
            return compiled.EvaluateWithGradients(moved).Gradients[name];
        }
        return (GradientAt(Step) - GradientAt(-Step)) / (2 * Step);
    }
}

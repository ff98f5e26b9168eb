using System.Globalization;
using AutoGrad.Compilation;
using AutoGrad.Graph;
using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Properties;

/// <summary>
/// Properties of random well-typed objectives (<see cref="ObjectiveGen"/>): the compiled value
/// is the interpreter's, the compiled gradient is the central difference of the compiled value,
/// and every printed gradient formula parses back to the same numbers. The cases come from fixed
/// seeds; <see cref="PropertyRun"/> says how to run more.
/// </summary>
[TestFixture]
public sealed class GradientPropertyTests
{
    private const int Cases = 120;
    private const string Probe = "R__";

    // |compiled - interpreted| <= ValueTolerance * max(1, |value|).
    private const double ValueTolerance = 1e-9;

    // |analytic - numeric| <= DifferenceTolerance * max(1, |a|, |n|) + the rounding of f / h.
    private const double DifferenceTolerance = 1e-5;

    // Relative to sum(|G| .* |R__|), the size of the terms summed.
    private const double FormulaTolerance = 1e-9;

    [Test]
    public void CompiledValue_EqualsInterpretedValue()
    {
        PropertyRun.Check(ObjectiveGen.WithData, Cases, c =>
        {
            Objective f = Objective.Parse(c.Text);
            var values = Bind(f, c.DataSeed);

            double compiled = f.Compile().Evaluate(values);

            double interpreted = f.Interpret(values);
            Assert.That(compiled, Is.EqualTo(interpreted)
                .Within(ValueTolerance * Math.Max(1, Math.Abs(interpreted))), c.Text);
        });
    }

    [Test]
    public void CompiledGradients_AgreeWithCentralDifferences()
    {
        PropertyRun.Check(ObjectiveGen.WithData, Cases, c =>
        {
            Objective f = Objective.Parse(c.Text);
            string[] names = NamesOf(f);
            var values = Bind(f, c.DataSeed);
            CompiledObjective compiled = f.Compile(names);

            var (value, gradients) = compiled.EvaluateWithGradients(values);

            foreach (string name in names)
            {
                Matrix<double> numeric = FiniteDifferences.Gradient(
                    v => compiled.Evaluate(v), values, name);
                AssertAgree(c.Text, name, value, gradients[name], numeric);
            }
        });
    }

    [Test]
    public void PrintedGradients_ParseBackToTheSameValues()
    {
        PropertyRun.Check(ObjectiveGen.WithData, Cases, c =>
        {
            Objective f = Objective.Parse(c.Text);
            string[] names = NamesOf(f);
            var values = Bind(f, c.DataSeed);

            GradientGraph graph = f.Differentiate(names);

            foreach (string name in names)
            {
                AssertFormulaMatches(c.Text, graph, name, values, c.DataSeed);
            }
        });
    }

    // Cases that wider random runs found, kept so they stay fixed.
    [TestCase("t = (w * u) * (u * r);\nnorm(sum(B, 'all'), 1) + mean(t(:))", 539789,
        TestName = "PrintedGradient_OfScaledOuterProduct_ParsesBack")]
    [TestCase("t = (S \\ A) .* (u * r);\nmean(t(:))", 347475,
        TestName = "PrintedGradient_OfScaledLeftDivision_ParsesBack")]
    public void FoundCase_PrintedGradientsParseBack(string objective, int seed)
    {
        string text = ObjectiveGen.Header + objective;
        Objective f = Objective.Parse(text);
        string[] names = NamesOf(f);
        var values = Bind(f, seed);

        GradientGraph graph = f.Differentiate(names);

        foreach (string name in names)
        {
            AssertFormulaMatches(text, graph, name, values, seed);
        }
    }

    [Test]
    public void Generator_CoversTheFunctionSet()
    {
        var texts = new List<string>();
        PropertyRun.Check(ObjectiveGen.Objective, 500, texts.Add);

        string all = string.Concat(texts);
        string[] used = ["sum(", "mean(", "sqrt(", "exp(", "log(", "log1p(", "abs(", "tanh(",
            "sigmoid(", "sign(", "max(", "min(", "norm(", "trace(", "transpose(", "ones(",
            "eye(", "reshape(", "size(", "numel(", "(:)", "'", ".'", ".*", "./", ".^", " > ",
            " / ", ")^", "relu(", "sin(", "cos(", "log2(", "log10(", "power(", "softplus(",
            "expm1(", "logsumexp(", "softmax(", "logsoftmax(", "prod(", ", [], ", "inv(",
            "det(", "logdet(", "diag(", "repmat(", "repelem(", "kron(", " \\ "];
        Assert.That(used.Where(u => !all.Contains(u, StringComparison.Ordinal)), Is.Empty);
    }

    private static string[] NamesOf(Objective f) =>
        [.. f.Variables.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Entries in [-1, 1] for every variable, from the case's own seed.</summary>
    internal static Dictionary<string, Matrix<double>> Bind(Objective f, int seed)
    {
        var random = new Random(seed);
        var values = new Dictionary<string, Matrix<double>>();
        foreach (string name in NamesOf(f))
        {
            Shape shape = f.Variables[name];
            values[name] = RandomData.Matrix(random,
                (int)shape.Rows.Coefficient, (int)shape.Cols.Coefficient);
        }
        return values;
    }

    private static void AssertAgree(string text, string name, double value,
        Matrix<double> analytic, Matrix<double> numeric)
    {
        for (int j = 0; j < analytic.ColumnCount; j++)
        {
            for (int i = 0; i < analytic.RowCount; i++)
            {
                double a = analytic[i, j], n = numeric[i, j];
                double rounding = 1e-9 * Math.Abs(value) / FiniteDifferences.Step;
                double allowed = DifferenceTolerance * Math.Max(1, Math.Max(Math.Abs(a),
                    Math.Abs(n))) + rounding;
                Assert.That(Math.Abs(a - n), Is.LessThanOrEqualTo(allowed),
                    string.Create(CultureInfo.InvariantCulture,
                        $"{text}\nd/d{name} entry ({i + 1},{j + 1}): analytic {a:R}, "
                        + $"numeric {n:R}"));
            }
        }
    }

    private static void AssertFormulaMatches(string text, GradientGraph graph, string name,
        Dictionary<string, Matrix<double>> values, int seed)
    {
        Node node = graph.Node(name);
        string formula = graph.Formula(name);
        Matrix<double> gradient = Interpreter.Evaluate(
            [node], n => values[n], d => throw new InvalidOperationException(d))[0];
        Matrix<double> probe = RandomData.Matrix(new Random(seed + 1),
            gradient.RowCount, gradient.ColumnCount);
        var options = new ObjectiveOptions();
        options.Shapes[Probe] = node.Shape;

        Objective parsed = Objective.Parse(
            $"{ObjectiveGen.Header}sum(sum(({formula}) .* {Probe}))", options);
        double actual = parsed.Interpret(new Dictionary<string, Matrix<double>>(values)
        {
            [Probe] = probe,
        });

        double expected = gradient.PointwiseMultiply(probe).Enumerate().Sum();
        double scale = gradient.PointwiseAbs().PointwiseMultiply(probe.PointwiseAbs())
            .Enumerate().Sum();
        string message = $"{text}\nd/d{name} printed as {formula}";
        if (!double.IsFinite(expected))
        {
            Assert.That(actual, Is.EqualTo(expected), message);
            return;
        }
        Assert.That(actual, Is.EqualTo(expected).Within(FormulaTolerance * Math.Max(1, scale)),
            message);
    }
}

using AutoGrad.Compilation;
using AutoGrad.Graph;
using AutoGrad.Syntax;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Syntax;

/// <summary>
/// The printer's promise: an objective and each of its gradient formulas, printed and parsed
/// again under the same shapes, has the same value as the graph it was printed from.
/// </summary>
[TestFixture]
public sealed class PrinterRoundTripTests
{
    // 1e-10 relative.
    private const double TolerancePercent = 1e-8;
    private const string Weight = "weight_";

    // Each objective with the shapes of its variables and the constants it binds.
    private static readonly (string Text, string Shapes, string Constants)[] s_objectives =
    [
        ("norm(A*s - x,'fro')^2 + gamma*norm(A,'fro')^2", "A=8x5 s=5x12 x=8x12", "gamma=0.05"),
        ("sum(sum(sqrt(V*(s.^2) + eps)))", "V=5x5 s=5x9", "eps=0.01"),
        ("norm(W'*W*x - x,'fro')^2", "W=4x6 x=6x10", ""),
        ("sum(log1p(exp(-y .* (X*w)))) + lambda/2*(w'*w)", "X=6x3 w=3x1 y=6x1", "lambda=0.1"),
        ("trace(S*S') + sum(sigmoid(S(:)))", "S=3x3", ""),
        ("trace(S^3) - trace(S^0) + trace(S^1)", "S=3x3", ""),
        ("u'*S^2*u / (u'*u)", "S=3x3 u=3x1", ""),
        ("sum(max(A, 0.5), 'all') + sum(min(A, B'), 'all')", "A=3x4 B=4x3", ""),
        ("mean(tanh(A*B), 'all') - mean(mean(A))", "A=3x4 B=4x2", ""),
        ("sum(abs(u - mean(u))) + norm(u) + norm(u, 1)", "u=5x1", ""),
        ("sum(exp(-(A - u).^2), 'all') + sum(sum(A - r))", "A=3x4 u=3x1 r=1x4", ""),
        ("-sum(log(sigmoid(A*B)), 'all')", "A=3x4 B=4x2", ""),
        ("sum(sum(A .* (A > 0.6))) + sum(sum(A ./ (1 + A.^2)))", "A=3x4", ""),
        ("sum(1 ./ u.^2) + sum(u.^-0.5) + sum(2.^u)", "u=4x1", ""),
        ("sum(reshape(A, 2, 6) * ones(6, 1)) + numel(A)*size(A,1)*sum(A(:))", "A=3x4", ""),
        ("sum(sum((A*B - 1).^2 / 2)) + sum(sum(transpose(A) .* 3))", "A=3x4 B=4x2", ""),
        ("sum(sum(-A.*A - -A ./ 4 + sign(A) .* A))", "A=3x4", ""),
        ("x^2 * y - x/y + 2^x - exp(-x*y) + log(x) * sqrt(y)", "x=1x1 y=1x1", ""),
        ("e = A*B; f = e'*e; trace(f) + sum(sum(e))", "A=3x4 B=4x2", ""),
        ("sum(sum(zeros(3,4) + 2*ones(3,4) .* A + eye(3)*A))", "A=3x4", ""),
    ];

    private static IEnumerable<TestCaseData> Objectives() =>
        s_objectives.Select(o => new TestCaseData(o.Text, o.Shapes, o.Constants)
            .SetArgDisplayNames(o.Text));

    [TestCaseSource(nameof(Objectives))]
    public void PrintedObjective_ParsesBackToSameValue(string text, string shapes, string constants)
    {
        ObjectiveOptions options = OptionsOf(shapes, constants);
        Objective f = Objective.Parse(text, options);
        var values = Texts.ValuesFor(f);

        string printed = Printer.Print(f.Node);
        Objective again = Objective.Parse(printed, OptionsOf(shapes, constants));

        Assert.That(again.Interpret(values),
            Is.EqualTo(f.Interpret(values)).Within(TolerancePercent).Percent, printed);
    }

    [TestCaseSource(nameof(Objectives))]
    public void PrintedGradients_ParseBackToSameValues(string text, string shapes, string constants)
    {
        Objective f = Objective.Parse(text, OptionsOf(shapes, constants));
        string[] names = [.. f.Variables.Keys.Order(StringComparer.Ordinal)];
        GradientGraph gradient = f.Differentiate(names);
        var values = Texts.ValuesFor(f);

        Assert.Multiple(() =>
        {
            foreach (string name in names)
            {
                AssertFormulaMatches(gradient, name, values, shapes, constants);
            }
        });
    }

    [Test]
    public void PrintedObjective_WithNamedSizes_ParsesBackToSameValue()
    {
        const string Declaration = "C: n x k; ";
        Objective f = Objective.Parse(Declaration
            + "mean(mean(C)) + size(C,1)*numel(C) + sum(sum(C - mean(C, 2))) + mean(C(:))");
        var values = new Dictionary<string, Matrix<double>>
        {
            ["C"] = Texts.Random(new Random(5), 3, 2),
        };

        string printed = Printer.Print(f.Node);
        Objective again = Objective.Parse(Declaration + printed);

        Assert.That(again.Interpret(values),
            Is.EqualTo(f.Interpret(values)).Within(TolerancePercent).Percent, printed);
    }

    [Test]
    public void PrintedGradient_OfSharedCase_IsReadable()
    {
        Objective f = Objective.Parse("norm(A*s - x,'fro')^2 + gamma*norm(A,'fro')^2",
            OptionsOf("A=8x5 s=5x12 x=8x12", "gamma=0.05"));

        GradientGraph gradient = f.Differentiate("A", "s");

        Assert.That(gradient.Formula("s"), Is.EqualTo("2*A'*(A*s - x)"));
    }

    // The formula is a matrix; weighting it by a random matrix of its shape and summing gives
    // a scalar objective that any wrong entry changes.
    private static void AssertFormulaMatches(GradientGraph gradient, string name,
        Dictionary<string, Matrix<double>> values, string shapes, string constants)
    {
        Node node = gradient.Node(name);
        string formula = gradient.Formula(name);
        ObjectiveOptions options = OptionsOf(shapes, constants);
        options.Shapes[Weight] = node.Shape;
        Objective check = Objective.Parse($"sum(({formula}) .* {Weight}, 'all')", options);
        var weighted = new Dictionary<string, Matrix<double>>(values)
        {
            [Weight] = Texts.Random(new Random(11), (int)node.Shape.Rows.Coefficient,
                (int)node.Shape.Cols.Coefficient),
        };

        Matrix<double> expected = Interpreter.Evaluate(
            [node], n => values[n], d => throw new InvalidOperationException(d))[0];

        double want = expected.PointwiseMultiply(weighted[Weight]).Enumerate().Sum();
        Assert.That(check.Interpret(weighted), Is.EqualTo(want).Within(TolerancePercent).Percent,
            $"d/d{name} = {formula}");
    }

    private static ObjectiveOptions OptionsOf(string shapes, string constants)
    {
        var options = new ObjectiveOptions();
        foreach (string item in shapes.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = item.Split('=');
            string[] sizes = parts[1].Split('x');
            options.Shapes[parts[0]] = Shape.Of(long.Parse(sizes[0]), long.Parse(sizes[1]));
        }
        foreach (string item in constants.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = item.Split('=');
            options.Constants[parts[0]] = double.Parse(parts[1],
                System.Globalization.CultureInfo.InvariantCulture);
        }
        return options;
    }
}

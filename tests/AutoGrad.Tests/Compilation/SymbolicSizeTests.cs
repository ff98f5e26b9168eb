using AutoGrad.Compilation;
using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Compilation;

/// <summary>
/// One compiled function serves every size its symbolic declarations allow: the sizes are
/// read at call time, and the work buffers follow them up and down.
/// </summary>
[TestFixture]
public sealed class SymbolicSizeTests
{
    private const string SparseCoding = "A: n x k; s: k x m; x: n x m; "
        + "norm(A*s - x,'fro')^2 + gamma*norm(A,'fro')^2";

    private const double Gamma = 0.05;

    // Growing, shrinking, degenerate (a single column) and growing again.
    private static readonly (int N, int K, int M)[] s_sizes =
        [(5, 3, 4), (2, 6, 7), (3, 2, 1), (1, 1, 1), (6, 4, 7)];

    private static CompiledObjective CompileSparseCoding(params string[] wrt)
    {
        var options = new ObjectiveOptions();
        options.Constants["gamma"] = Gamma;
        return Objective.Parse(SparseCoding, options).Compile(wrt);
    }

    private static Dictionary<string, Matrix<double>> Data(int n, int k, int m)
    {
        Random random = RandomData.For($"sparse coding {n}x{k}x{m}");
        return new()
        {
            ["A"] = RandomData.Matrix(random, n, k),
            ["s"] = RandomData.Matrix(random, k, m),
            ["x"] = RandomData.Matrix(random, n, m),
        };
    }

    [Test]
    public void CompiledOnce_SeveralSizes_MatchesClosedForms()
    {
        CompiledObjective compiled = CompileSparseCoding("A", "s");

        foreach (var (n, k, m) in s_sizes)
        {
            Dictionary<string, Matrix<double>> v = Data(n, k, m);
            var (value, gradients) = compiled.EvaluateWithGradients(v);

            Matrix<double> e = v["A"] * v["s"] - v["x"];
            double expected = Math.Pow(e.FrobeniusNorm(), 2)
                + Gamma * Math.Pow(v["A"].FrobeniusNorm(), 2);
            string at = $"n={n}, k={k}, m={m}";
            MatrixAssert.Near(expected, value, 1e-12, $"{at}: value");
            MatrixAssert.Near(2 * e * v["s"].Transpose() + 2 * Gamma * v["A"], gradients["A"],
                1e-12, $"{at}: d/dA");
            MatrixAssert.Near(2 * v["A"].Transpose() * e, gradients["s"], 1e-12, $"{at}: d/ds");
        }
    }

    [Test]
    public void CompiledOnce_SeveralSizes_MatchesCentralDifferences()
    {
        CompiledObjective compiled = CompileSparseCoding("A", "s", "x");

        foreach (var (n, k, m) in s_sizes)
        {
            Dictionary<string, Matrix<double>> v = Data(n, k, m);
            var gradients = compiled.EvaluateWithGradients(v).Gradients;

            foreach (string w in compiled.Wrt)
            {
                Matrix<double> numeric = FiniteDifferences.Gradient(
                    values => compiled.Evaluate(values), v, w);
                FiniteDifferences.AssertAgree($"{SparseCoding} at n={n}, k={k}, m={m}", w,
                    gradients[w], numeric);
            }
        }
    }

    [Test]
    public void CompiledOnce_ArrayOverloadWithDims_MatchesMatrixOverload()
    {
        CompiledObjective compiled = CompileSparseCoding("s", "A");

        foreach (var (n, k, m) in s_sizes)
        {
            Dictionary<string, Matrix<double>> v = Data(n, k, m);
            var expected = compiled.EvaluateWithGradients(v);
            double[][] inputs =
                [.. compiled.Variables.Select(name => v[name].ToColumnMajorArray())];
            double[][] gradients = [new double[k * m], new double[n * k]];
            var dims = new Dictionary<string, int> { ["n"] = n, ["k"] = k, ["m"] = m };

            double value = compiled.Evaluate(inputs, gradients, dims);

            Assert.That(value, Is.EqualTo(expected.Value));
            Assert.That(gradients[0], Is.EqualTo(expected.Gradients["s"].ToColumnMajorArray()));
            Assert.That(gradients[1], Is.EqualTo(expected.Gradients["A"].ToColumnMajorArray()));
        }
    }

    [Test]
    public void CompiledOnce_SoftmaxAtTwoSizes_MatchesCentralDifferences()
    {
        GradientCase row = GradientTable.Row("softmax regression");
        Objective objective = row.Parse();
        CompiledObjective compiled = objective.Compile("theta", "X");

        foreach (var (k, n, m) in new[] { (3, 4, 5), (2, 6, 3) })
        {
            GradientCase sized = row with { Dims = new Dictionary<string, int>
            {
                ["k"] = k, ["n"] = n, ["m"] = m,
            } };
            Dictionary<string, Matrix<double>> v = sized.Bind(objective, $"{k}x{n}x{m}");
            var gradients = compiled.EvaluateWithGradients(v).Gradients;

            foreach (string w in compiled.Wrt)
            {
                Matrix<double> numeric = FiniteDifferences.Gradient(objective.Interpret, v, w);
                FiniteDifferences.AssertAgree($"{row.Text} at k={k}, n={n}, m={m}", w,
                    gradients[w], numeric);
            }
        }
    }

    private static IEnumerable<string> RowsWithNamedSizes() =>
        GradientTable.Rows.Where(r => r.Dims.Count > 0).Select(r => r.Name);

    [TestCaseSource(nameof(RowsWithNamedSizes))]
    public void CompiledOnce_TableRowAtOtherSizes_MatchesInterpreterAndDifferences(string name)
    {
        GradientCase row = GradientTable.Row(name);
        Objective objective = row.Parse();
        string[] wrt = row.WrtOf(objective);
        CompiledObjective compiled = objective.Compile(wrt);
        Dictionary<string, int>[] sizes =
        [
            row.Dims.ToDictionary(d => d.Key, d => d.Value + 2),
            row.Dims.ToDictionary(d => d.Key, _ => 1),
            row.Dims.ToDictionary(d => d.Key, d => d.Value),
        ];

        foreach (Dictionary<string, int> dims in sizes)
        {
            string at = string.Join(", ", dims.Select(d => $"{d.Key}={d.Value}"));
            GradientCase sized = row with { Dims = dims };
            Dictionary<string, Matrix<double>> v = sized.Bind(objective, at);
            var gradients = compiled.EvaluateWithGradients(v).Gradients;
            GradientGraph graph = objective.Differentiate(wrt);
            Matrix<double>[] reference = Interpreter.Evaluate([.. wrt.Select(graph.Node)],
                n => v[n], objective.DimLookup(objective.ResolveDims(v)));

            for (int i = 0; i < wrt.Length; i++)
            {
                MatrixAssert.Near(reference[i], gradients[wrt[i]], 1e-12,
                    $"{row.Text} at {at}: d/d{wrt[i]}, compiled against interpreted");
                Matrix<double> numeric = FiniteDifferences.Gradient(objective.Interpret, v, wrt[i]);
                FiniteDifferences.AssertAgree($"{row.Text} at {at}", wrt[i], gradients[wrt[i]],
                    numeric);
            }
        }
    }
}

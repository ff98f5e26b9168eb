using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Differentiation;

/// <summary>
/// The reference cases of ../shared/cases (values and gradients from PyTorch) under both BLAS
/// backends, and the closed-form gradients of the seed document, computed here with MathNet.
/// </summary>
[TestFixture]
public sealed class SeedCaseTests
{
    // The agreement the reference cases promise: relative to the largest entry.
    private const double Tolerance = 1e-10;

    private static readonly string[] s_expectedCases =
    [
        "seed-1-sparse-coding-basis",
        "seed-2-topographic-l1",
        "seed-3-ica-tied-weights",
    ];

    // The seed document's closed forms, one per case and variable, in MathNet arithmetic.
    private static readonly Dictionary<(string Case, string Wrt), ClosedForm> s_closedForms = new()
    {
        [("seed-1-sparse-coding-basis", "A")] = SparseCodingWrtA,
        [("seed-1-sparse-coding-basis", "s")] = SparseCodingWrtS,
        [("seed-2-topographic-l1", "s")] = TopographicWrtS,
        [("seed-3-ica-tied-weights", "W")] = IcaWrtW,
    };

    private delegate Matrix<double> ClosedForm(
        IReadOnlyDictionary<string, Matrix<double>> v, IReadOnlyDictionary<string, double> c);

    private static IEnumerable<TestCaseData> CasesOnBackends() =>
        from name in s_expectedCases
        from backend in BlasScope.Backends
        select new TestCaseData(backend, name).SetArgDisplayNames(backend, name);

    [Test]
    public void SharedCases_HoldTheThreeSeedExamples()
    {
        Assert.That(SeedCases.Names(), Is.SupersetOf(s_expectedCases));
    }

    [TestCaseSource(nameof(CasesOnBackends))]
    public void Compiled_ValueAndGradients_MatchReference(string backend, string name)
    {
        SeedCase seed = SeedCases.Load(name);

        CompiledObjective compiled;
        (double Value, IReadOnlyDictionary<string, Matrix<double>> Gradients) result;
        using (BlasScope.Use(backend))
        {
            compiled = Objective.Parse(seed.Objective, seed.Options()).Compile([.. seed.Wrt]);
            result = compiled.EvaluateWithGradients(seed.Inputs);
        }

        Assert.That(compiled.Backend, Is.EqualTo(backend));
        Assert.That(result.Value,
            Is.EqualTo(seed.Value).Within(Tolerance * Math.Abs(seed.Value)), $"{name}: value");
        foreach (string w in seed.Wrt)
        {
            MatrixAssert.NearLargestEntry(seed.Expected[w], result.Gradients[w], Tolerance,
                $"{name}: gradient with respect to {w}");
        }
    }

    [TestCaseSource(nameof(CasesOnBackends))]
    public void Compiled_Gradients_MatchClosedFormsOfSeedDocument(string backend, string name)
    {
        SeedCase seed = SeedCases.Load(name);

        IReadOnlyDictionary<string, Matrix<double>> gradients;
        using (BlasScope.Use(backend))
        {
            gradients = Objective.Parse(seed.Objective, seed.Options())
                .Compile([.. seed.Wrt]).EvaluateWithGradients(seed.Inputs).Gradients;
        }

        foreach (string w in seed.Wrt)
        {
            Matrix<double> closed = s_closedForms[(name, w)](seed.Inputs, seed.Scalars);
            MatrixAssert.NearLargestEntry(closed, gradients[w], Tolerance,
                $"{name}: compiled against the closed form for {w}");
        }
    }

    [TestCaseSource(nameof(CasesOnBackends))]
    public void Compiled_SeparateCompilePerVariable_MatchesReference(string backend, string name)
    {
        SeedCase seed = SeedCases.Load(name);

        foreach (string w in seed.Wrt)
        {
            Matrix<double> gradient;
            using (BlasScope.Use(backend))
            {
                gradient = Objective.Parse(seed.Objective, seed.Options()).Compile(w)
                    .EvaluateWithGradients(seed.Inputs).Gradients[w];
            }
            MatrixAssert.NearLargestEntry(seed.Expected[w], gradient, Tolerance,
                $"{name}: compiled with respect to {w} alone");
        }
    }

    [TestCaseSource(nameof(ExpectedCases))]
    public void ClosedFormsOfSeedDocument_MatchReference(string name)
    {
        SeedCase seed = SeedCases.Load(name);

        foreach (string w in seed.Wrt)
        {
            Matrix<double> closed = s_closedForms[(name, w)](seed.Inputs, seed.Scalars);
            MatrixAssert.NearLargestEntry(seed.Expected[w], closed, Tolerance,
                $"{name}: the closed form for {w} against the reference");
        }
    }

    [TestCaseSource(nameof(ExpectedCases))]
    public void Interpreter_Value_MatchesReference(string name)
    {
        SeedCase seed = SeedCases.Load(name);

        double value = Objective.Parse(seed.Objective, seed.Options()).Interpret(seed.Inputs);

        Assert.That(value, Is.EqualTo(seed.Value).Within(Tolerance * Math.Abs(seed.Value)));
    }

    [TestCaseSource(nameof(ExpectedCases))]
    public void Inputs_HaveTheShapesCaseJsonDeclares(string name)
    {
        SeedCase seed = SeedCases.Load(name);

        var shapes = seed.Inputs.ToDictionary(
            p => p.Key, p => (p.Value.RowCount, p.Value.ColumnCount));

        Assert.That(shapes, Is.EquivalentTo(SeedCases.DeclaredShapes(name)));
    }

    private static IEnumerable<string> ExpectedCases() => s_expectedCases;

    // dF/dA = 2*(A*s - x)*s' + 2*gamma*A
    private static Matrix<double> SparseCodingWrtA(
        IReadOnlyDictionary<string, Matrix<double>> v, IReadOnlyDictionary<string, double> c)
    {
        Matrix<double> a = v["A"], s = v["s"], x = v["x"];
        return 2 * (a * s - x) * s.Transpose() + 2 * c["gamma"] * a;
    }

    // dF/ds = 2*A'*(A*s - x)
    private static Matrix<double> SparseCodingWrtS(
        IReadOnlyDictionary<string, Matrix<double>> v, IReadOnlyDictionary<string, double> c)
    {
        Matrix<double> a = v["A"], s = v["s"], x = v["x"];
        return 2 * a.Transpose() * (a * s - x);
    }

    // dF/ds = (V' * (V*(s.^2) + eps).^(-1/2)) .* s
    private static Matrix<double> TopographicWrtS(
        IReadOnlyDictionary<string, Matrix<double>> v, IReadOnlyDictionary<string, double> c)
    {
        Matrix<double> groups = v["V"], s = v["s"];
        Matrix<double> inner = (groups * s.PointwiseMultiply(s)).Add(c["eps"]);
        return (groups.Transpose() * inner.PointwisePower(-0.5)).PointwiseMultiply(s);
    }

    // dF/dW = 2*W*(W'*W*x - x)*x' + 2*(W*x)*(W'*W*x - x)'
    private static Matrix<double> IcaWrtW(
        IReadOnlyDictionary<string, Matrix<double>> v, IReadOnlyDictionary<string, double> c)
    {
        Matrix<double> w = v["W"], x = v["x"];
        Matrix<double> r = w.Transpose() * w * x - x;
        return 2 * w * r * x.Transpose() + 2 * (w * x) * r.Transpose();
    }
}

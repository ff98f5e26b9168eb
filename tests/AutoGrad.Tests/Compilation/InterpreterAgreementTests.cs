using AutoGrad.Compilation;
using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Compilation;

/// <summary>
/// The compiled kernel against the reference interpreter, evaluating the same gradient graphs
/// for every row of <see cref="GradientTable"/>, under both BLAS backends.
/// </summary>
[TestFixture]
public sealed class InterpreterAgreementTests
{
    // The two evaluate one graph; only the order of rounding in products may differ.
    private const double Tolerance = 1e-12;

    private static IEnumerable<TestCaseData> RowsOnBackends() =>
        from row in GradientTable.Rows
        from backend in BlasScope.Backends
        select new TestCaseData(backend, row.Name).SetArgDisplayNames(backend, row.Name);

    [TestCaseSource(nameof(RowsOnBackends))]
    public void Compiled_ValueAndGradients_MatchInterpreterOnGradientGraphs(
        string backend, string name)
    {
        GradientCase row = GradientTable.Row(name);
        Objective objective = row.Parse();
        string[] wrt = row.WrtOf(objective);
        Dictionary<string, Matrix<double>> values = row.Bind(objective);
        GradientGraph graph = objective.Differentiate(wrt);

        Matrix<double>[] reference = Interpreter.Evaluate(
            [graph.Value, .. wrt.Select(graph.Node)],
            n => values[n],
            objective.DimLookup(objective.ResolveDims(values)));
        (double Value, IReadOnlyDictionary<string, Matrix<double>> Gradients) compiled;
        using (BlasScope.Use(backend))
        {
            compiled = objective.Compile(wrt).EvaluateWithGradients(values);
        }

        MatrixAssert.Near(reference[0][0, 0], compiled.Value, Tolerance, $"{row.Text}: value");
        for (int i = 0; i < wrt.Length; i++)
        {
            MatrixAssert.Near(reference[i + 1], compiled.Gradients[wrt[i]], Tolerance,
                $"{row.Text}: d/d{wrt[i]}, compiled against interpreted");
        }
    }

    [TestCaseSource(nameof(RowsOnBackends))]
    public void Compiled_ValueOnly_MatchesInterpreter(string backend, string name)
    {
        GradientCase row = GradientTable.Row(name);
        Objective objective = row.Parse();
        Dictionary<string, Matrix<double>> values = row.Bind(objective);

        double value;
        using (BlasScope.Use(backend))
        {
            value = objective.Compile().Evaluate(values);
        }

        MatrixAssert.Near(objective.Interpret(values), value, Tolerance, $"{row.Text}: value");
    }
}

using AutoGrad.Benchmarks.ClosedForms;

namespace AutoGrad.Benchmarks.Examples;

/// <summary>Seed example 1: the sparse coding objective for the basis A.</summary>
public sealed class SparseCodingExample : SeedExample
{
    private const double Gamma = 0.05;

    /// <inheritdoc/>
    public override string Text => "norm(A*s - x,'fro')^2 + gamma*norm(A,'fro')^2";

    /// <inheritdoc/>
    public override string Wrt => "A";

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> Constants { get; } =
        new Dictionary<string, double> { ["gamma"] = Gamma };

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, (int Rows, int Cols)> Shapes(Dims d) =>
        new Dictionary<string, (int, int)>
        {
            ["A"] = (d.N, d.K),
            ["s"] = (d.K, d.M),
            ["x"] = (d.N, d.M),
        };

    /// <inheritdoc/>
    public override double ClosedFormFlops(Dims d) => 2 * (2.0 * d.N * d.K * d.M);

    /// <inheritdoc/>
    public override ClosedForm ClosedForm(Dims d, IReadOnlyDictionary<string, double[]> inputs) =>
        new SparseCodingClosedForm(d, Gamma, inputs["A"], inputs["s"], inputs["x"]);
}

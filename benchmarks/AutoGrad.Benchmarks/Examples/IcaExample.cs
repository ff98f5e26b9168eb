using AutoGrad.Benchmarks.ClosedForms;

namespace AutoGrad.Benchmarks.Examples;

/// <summary>Seed example 3: the ICA reconstruction cost with tied weights W.</summary>
public sealed class IcaExample : SeedExample
{
    /// <inheritdoc/>
    public override string Text => "norm(W'*W*x - x,'fro')^2";

    /// <inheritdoc/>
    public override string Wrt => "W";

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, (int Rows, int Cols)> Shapes(Dims d) =>
        new Dictionary<string, (int, int)>
        {
            ["W"] = (d.K, d.N),
            ["x"] = (d.N, d.M),
        };

    /// <inheritdoc/>
    public override double ClosedFormFlops(Dims d) =>
        2 * (2.0 * d.N * d.N * d.K) + 2 * (2.0 * d.N * d.N * d.M);

    /// <inheritdoc/>
    public override ClosedForm ClosedForm(Dims d, IReadOnlyDictionary<string, double[]> inputs) =>
        new IcaClosedForm(d, inputs["W"], inputs["x"]);
}

using AutoGrad.Benchmarks.ClosedForms;

namespace AutoGrad.Benchmarks.Examples;

/// <summary>Seed example 2: the smoothed topographic L1 penalty on the features s.</summary>
public sealed class TopographicL1Example : SeedExample
{
    private const double Eps = 0.01;

    /// <inheritdoc/>
    public override string Text => "sum(sum(sqrt(V*(s.^2) + eps)))";

    /// <inheritdoc/>
    public override string Wrt => "s";

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, double> Constants { get; } =
        new Dictionary<string, double> { ["eps"] = Eps };

    /// <inheritdoc/>
    public override IReadOnlyDictionary<string, (int Rows, int Cols)> Shapes(Dims d) =>
        new Dictionary<string, (int, int)>
        {
            ["V"] = (d.K, d.K),
            ["s"] = (d.K, d.M),
        };

    /// <inheritdoc/>
    public override Dictionary<string, double[]> RandomInputs(Dims d)
    {
        // A grouping matrix is non-negative, which keeps V*(s.^2) + eps positive.
        Dictionary<string, double[]> inputs = base.RandomInputs(d);
        inputs["V"] = [.. inputs["V"].Select(Math.Abs)];
        return inputs;
    }

    /// <inheritdoc/>
    public override double ClosedFormFlops(Dims d) => 2 * (2.0 * d.K * d.K * d.M);

    /// <inheritdoc/>
    public override ClosedForm ClosedForm(Dims d, IReadOnlyDictionary<string, double[]> inputs) =>
        new TopographicL1ClosedForm(d, Eps, inputs["V"], inputs["s"]);
}

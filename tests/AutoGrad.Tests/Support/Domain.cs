using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Tests.Support;

/// <summary>
/// Where the entries of a random test matrix lie: an interval, optionally with a gap around 0
/// (for the kinks of abs and sign), or a grid that keeps two matrices apart (for the ties of
/// max and min). The domain keeps every central difference on one smooth piece.
/// </summary>
/// <param name="Name">How test messages name the domain.</param>
/// <param name="Draw">One entry, drawn from a seeded generator.</param>
internal sealed record Domain(string Name, Func<Random, double> Draw)
{
    /// <summary>Entries in [-1.5, 1.5].</summary>
    public static Domain Any { get; } = new("any", r => Uniform(r, -1.5, 1.5));

    /// <summary>Entries in [0.5, 2]: for log, sqrt, ./ and fractional powers.</summary>
    public static Domain Positive { get; } = new("positive", r => Uniform(r, 0.5, 2));

    /// <summary>Entries with 0.3 &lt;= |x| &lt;= 1.5, either sign: away from a kink at 0.</summary>
    public static Domain AwayFromZero { get; } =
        new("away from 0", r => (r.Next(2) == 0 ? -1 : 1) * Uniform(r, 0.3, 1.5));

    /// <summary>Entries in [-0.5, 0.5]: for exp and products that would otherwise grow.</summary>
    public static Domain Small { get; } = new("small", r => Uniform(r, -0.5, 0.5));

    /// <summary>Whole multiples of 0.5 in [-2, 2].</summary>
    public static Domain HalfSteps { get; } = new("half steps", r => 0.5 * r.Next(-4, 5));

    /// <summary>
    /// Multiples of 0.5 shifted by 0.25: at least 0.25 from every entry of
    /// <see cref="HalfSteps"/>, so max and min never meet a tie.
    /// </summary>
    public static Domain HalfStepsShifted { get; } =
        new("shifted half steps", r => 0.5 * r.Next(-4, 4) + 0.25);

    /// <summary>A rows x cols matrix of entries drawn from this domain.</summary>
    public Matrix<double> Matrix(Random random, int rows, int cols) =>
        Matrix<double>.Build.Dense(rows, cols, (_, _) => Draw(random));

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static double Uniform(Random random, double low, double high) =>
        low + (high - low) * random.NextDouble();
}

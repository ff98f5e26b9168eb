namespace AutoGrad.Optimization;

/// <summary>How <see cref="GradientCheck"/> probes a gradient, and what it accepts.</summary>
public sealed class GradientCheckOptions
{
    /// <summary>
    /// Check every coordinate when the parameters have at most this many entries in all;
    /// above it, check random directions. Default 2000.
    /// </summary>
    public int CoordinateLimit { get; init; } = 2000;

    /// <summary>The random directions per variable on large problems. Default 10.</summary>
    public int Directions { get; init; } = 10;

    /// <summary>
    /// The central difference step, relative to <c>max(|x|, 1)</c> of the coordinate (or of the
    /// variable's largest entry, for a direction). Default 1e-5.
    /// </summary>
    public double Step { get; init; } = 1e-5;

    /// <summary>The largest relative error that passes. Default 1e-6.</summary>
    public double Tolerance { get; init; } = 1e-6;

    /// <summary>
    /// Gradients smaller than this in norm are compared by absolute error, since their finite
    /// differences are mostly rounding. Default 1e-8.
    /// </summary>
    public double Floor { get; init; } = 1e-8;

    /// <summary>The seed of the random directions. Default 1.</summary>
    public int Seed { get; init; } = 1;
}

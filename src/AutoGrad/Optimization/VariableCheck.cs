namespace AutoGrad.Optimization;

/// <summary>
/// The gradient check of one variable. The relative error of a probe is
/// <c>|analytic - numeric| / scale</c>: for coordinates the scale is the larger norm of the
/// variable's gradient and of its central differences; for a unit direction it is the larger
/// of the gradient's norm and the difference itself; never below the floor. Errors are thus
/// relative to the whole variable, so rounding in its tiny entries does not count.
/// </summary>
/// <param name="Name">The variable.</param>
/// <param name="MaxRelativeError">
/// The largest relative error over the probes; NaN when a value was not finite.
/// </param>
/// <param name="Probes">The number of coordinates or directions checked.</param>
/// <param name="Worst">
/// The entry (row and column from 0) with the largest error when coordinates were checked;
/// null for directions.
/// </param>
/// <param name="Analytic">The compiled derivative at the worst probe.</param>
/// <param name="Numeric">The central difference at the worst probe.</param>
/// <param name="NonFinite">Where NaN or Inf first appeared for this variable, or null.</param>
public sealed record VariableCheck(
    string Name,
    double MaxRelativeError,
    int Probes,
    (int Row, int Column)? Worst,
    double Analytic,
    double Numeric,
    string? NonFinite)
{
    /// <summary>
    /// True when every value was finite and the error is within <paramref name="tolerance"/>.
    /// </summary>
    public bool Passed(double tolerance) => NonFinite is null && MaxRelativeError <= tolerance;
}

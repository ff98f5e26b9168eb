using AutoGrad.Syntax;

namespace AutoGrad.Optimization;

/// <summary>The outcome of <see cref="GradientCheck"/>: one entry per variable.</summary>
public sealed class GradientCheckReport
{
    internal GradientCheckReport(
        double value, IReadOnlyList<VariableCheck> variables, bool byDirections, double tolerance)
    {
        Value = value;
        Variables = variables;
        ByDirections = byDirections;
        Tolerance = tolerance;
    }

    /// <summary>The objective's value at the checked point.</summary>
    public double Value { get; }

    /// <summary>The check of each variable, in layout order.</summary>
    public IReadOnlyList<VariableCheck> Variables { get; }

    /// <summary>True when random directions were probed; false when every coordinate was.</summary>
    public bool ByDirections { get; }

    /// <summary>The tolerance the check applied.</summary>
    public double Tolerance { get; }

    /// <summary>The largest relative error ; NaN if a value was not finite.</summary>
    public double MaxRelativeError =>
        Variables.Any(v => double.IsNaN(v.MaxRelativeError))
            ? double.NaN
            : Variables.Select(v => v.MaxRelativeError).DefaultIfEmpty(0).Max();

    /// <summary>Where NaN or Inf first appeared (the value, or a variable), or null.</summary>
    public string? FirstNonFinite =>
        !double.IsFinite(Value)
            ? $"the value at the checked point is {Printer.FormatNumber(Value)}"
            : Variables.Select(v => v.NonFinite).FirstOrDefault(n => n is not null);

    /// <summary>True when every value was finite and every error within the tolerance.</summary>
    public bool Passed => double.IsFinite(Value) && Variables.All(v => v.Passed(Tolerance));
}

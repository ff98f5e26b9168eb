namespace AutoGrad.Optimization;

/// <summary>Why a minimisation stopped.</summary>
public enum StopReason
{
    /// <summary>
    /// The gradient is small: its norm fell below the gradient tolerance, or MathNet's relative
    /// gradient test passed (each entry scaled by its parameter and by the value).
    /// </summary>
    Gradient,

    /// <summary>The value changed by less than the value tolerance in one iteration.</summary>
    Value,

    /// <summary>The step changed every parameter by less than the step tolerance.</summary>
    Step,

    /// <summary>The iteration limit was reached.</summary>
    Iterations,

    /// <summary>The line search found no acceptable step, or the direction was uphill.</summary>
    LineSearchFailed,

    /// <summary>The objective returned NaN or an infinite value or gradient.</summary>
    NonFinite,

    /// <summary>The cancellation token was cancelled.</summary>
    Cancelled,
}

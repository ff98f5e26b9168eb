namespace AutoGrad.Optimization;

/// <summary>When a minimisation stops, and who hears about its progress.</summary>
public sealed class MinimizerOptions
{
    /// <summary>The most iterations to run; 0 only evaluates the start. Default 400.</summary>
    public int MaxIterations { get; init; } = 400;

    /// <summary>
    /// Stop when the gradient's Euclidean norm falls below this. MathNet applies it also to
    /// the relative gradient (each entry times <c>max(|x_i|, 1)</c>, over <c>max(|f|, 1)</c>).
    /// Default 1e-5.
    /// </summary>
    public double GradientTolerance { get; init; } = 1e-5;

    /// <summary>
    /// Stop when one iteration changes the value by at most this times <c>max(|f|, 1)</c>;
    /// 0 turns the test off. Default 1e-9.
    /// </summary>
    public double ValueTolerance { get; init; } = 1e-9;

    /// <summary>
    /// Stop when one iteration changes every parameter by less than this times
    /// <c>max(|x_i|, 1)</c> (MathNet's parameter tolerance). Default 1e-10.
    /// </summary>
    public double StepTolerance { get; init; } = 1e-10;

    /// <summary>The number of past steps L-BFGS keeps to model the curvature. Default 10.</summary>
    public int Memory { get; init; } = 10;

    /// <summary>Called after each iteration, and for the starting point as iteration 0.</summary>
    public Action<IterationInfo>? OnIteration { get; init; }

    /// <summary>Stops the minimisation at the next iteration when cancelled.</summary>
    public CancellationToken Cancellation { get; init; }
}

namespace AutoGrad.Optimization;

/// <summary>The state after one iteration of a minimisation, as the callback sees it.</summary>
/// <param name="Iteration">The iteration number; 0 is the starting point.</param>
/// <param name="Value">The objective's value at the iterate.</param>
/// <param name="GradientNorm">The Euclidean norm of the gradient at the iterate.</param>
/// <param name="Elapsed">The time since the minimisation started.</param>
/// <param name="Evaluations">The number of evaluations of the objective so far.</param>
public readonly record struct IterationInfo(
    int Iteration, double Value, double GradientNorm, TimeSpan Elapsed, int Evaluations);

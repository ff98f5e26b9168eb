namespace AutoGrad.Optimization;

/// <summary>
/// The outcome of a minimisation: the best iterate reached, and why it stopped. The iterate is
/// the last accepted one, also when the minimisation stopped on a failure.
/// </summary>
public sealed class MinimizerResult
{
    internal MinimizerResult(double[] theta, IterationInfo last, int evaluations, TimeSpan elapsed,
        StopReason reason, string message)
    {
        Theta = theta;
        Value = last.Value;
        GradientNorm = last.GradientNorm;
        Iterations = last.Iteration;
        Evaluations = evaluations;
        Elapsed = elapsed;
        Reason = reason;
        Message = message;
    }

    /// <summary>The parameters at the final iterate (a new array).</summary>
    public double[] Theta { get; }

    /// <summary>The objective's value at <see cref="Theta"/>.</summary>
    public double Value { get; }

    /// <summary>The Euclidean norm of the gradient at <see cref="Theta"/>.</summary>
    public double GradientNorm { get; }

    /// <summary>The number of iterations run.</summary>
    public int Iterations { get; }

    /// <summary>
    /// The number of evaluations of the objective, line searches included (also those after
    /// the final iterate).
    /// </summary>
    public int Evaluations { get; }

    /// <summary>The time the minimisation took.</summary>
    public TimeSpan Elapsed { get; }

    /// <summary>Why the minimisation stopped.</summary>
    public StopReason Reason { get; }

    /// <summary>The reason as a sentence, with the numbers involved.</summary>
    public string Message { get; }

    /// <summary>True when a tolerance stopped the run, rather than a limit or a failure.</summary>
    public bool Converged =>
        Reason is StopReason.Gradient or StopReason.Value or StopReason.Step;
}

namespace AutoGrad.Optimization;

/// <summary>
/// Minimisation by limited-memory BFGS, through MathNet.Numerics'
/// <c>LimitedMemoryBfgsMinimizer</c>; this class adds an iteration callback, an iteration
/// limit, a value tolerance, cancellation, and a result that says why the run stopped.
/// </summary>
/// <example>
/// <code>
/// var problem = FlatObjective.Create(objective, layout, data);
/// MinimizerResult result = Lbfgs.Minimize(problem, layout.Pack(initial),
///     new MinimizerOptions { MaxIterations = 200, OnIteration = i => Console.WriteLine(i) });
/// Matrix&lt;double&gt; w = layout.Unpack(result.Theta, "W");
/// </code>
/// </example>
public static class Lbfgs
{
    /// <summary>Minimises <paramref name="function"/> from <paramref name="start"/>.</summary>
    /// <returns>The last accepted iterate, and why the run stopped.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public static MinimizerResult Minimize(
        FlatFunction function, double[] start, MinimizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(start);
        options ??= new MinimizerOptions();
        Validate(options);
        return new LbfgsRun(function, options).Run(start);
    }

    /// <summary>Minimises <paramref name="objective"/> from <paramref name="start"/>.</summary>
    /// <returns>The last accepted iterate, and why the run stopped.</returns>
    /// <exception cref="AutoGrad.Diagnostics.AutoGradException">
    /// <paramref name="start"/> does not fit the objective's layout.
    /// </exception>
    public static MinimizerResult Minimize(
        FlatObjective objective, double[] start, MinimizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        objective.Layout.CheckLength("starting", start);
        return Minimize(objective.ValueAndGradient, start, options);
    }

    private static void Validate(MinimizerOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxIterations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.GradientTolerance);
        ArgumentOutOfRangeException.ThrowIfNegative(options.ValueTolerance);
        ArgumentOutOfRangeException.ThrowIfNegative(options.StepTolerance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Memory);
    }
}

using Bindings = System.Collections.Generic.IReadOnlyDictionary<
    string, MathNet.Numerics.LinearAlgebra.Matrix<double>>;

namespace AutoGrad.Optimization;

/// <summary>
/// Minimisation by truncated Newton (Newton-CG): each step solves H p = -g approximately by
/// conjugate gradients, with Hessian-vector products from the gradient graph differentiated
/// again, and a backtracking line search then finds a step along p with enough decrease. No
/// Hessian is ever formed. MathNet has no such method (its <c>NewtonMinimizer</c> needs the
/// whole Hessian), so this one is AutoGrad's own.
/// </summary>
/// <example>
/// <code>
/// var layout = ParameterLayout.Of(initial);
/// MinimizerResult result = NewtonCg.Minimize(objective, layout, data, layout.Pack(initial),
///     new MinimizerOptions { MaxIterations = 50 });
/// </code>
/// </example>
public static class NewtonCg
{
    /// <summary>
    /// Minimises <paramref name="objective"/> over the parameters of <paramref name="layout"/>
    /// from <paramref name="start"/>, with <paramref name="data"/> bound to the other variables.
    /// <see cref="MinimizerOptions.Memory"/> plays no part.
    /// </summary>
    /// <returns>The last accepted iterate, and why the run stopped.</returns>
    /// <exception cref="AutoGrad.Diagnostics.AutoGradException">
    /// The data or <paramref name="start"/> do not fit the objective and the layout, or an op
    /// of the objective has no second derivative.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public static MinimizerResult Minimize(Objective objective, ParameterLayout layout,
        Bindings data, double[] start, MinimizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(data);
        layout.CheckLength("starting", start);
        options ??= new MinimizerOptions();
        Validate(options);

        var curvature = new FlatCurvature(objective, layout, data);
        var gradient = new double[layout.Length];
        return Minimize(curvature.Flat.ValueAndGradient,
            (theta, v, hv) => curvature.Evaluate(theta, v, gradient, hv), start, options);
    }

    /// <summary>Minimises <paramref name="function"/>, whose Hessian products are given.</summary>
    internal static MinimizerResult Minimize(FlatFunction function, HessianProduct product,
        double[] start, MinimizerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(product);
        ArgumentNullException.ThrowIfNull(start);
        options ??= new MinimizerOptions();
        Validate(options);
        return new NewtonCgRun(function, product, options).Run(start);
    }

    private static void Validate(MinimizerOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxIterations);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.GradientTolerance);
        ArgumentOutOfRangeException.ThrowIfNegative(options.ValueTolerance);
        ArgumentOutOfRangeException.ThrowIfNegative(options.StepTolerance);
    }
}

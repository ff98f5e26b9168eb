using System.Diagnostics;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using static System.FormattableString;

namespace AutoGrad.Optimization;

/// <summary>
/// One minimisation by MathNet's L-BFGS. MathNet owns the search directions, the line search
/// and its own stopping tests; this run counts the iterations, reports each, applies the tests
/// MathNet lacks (value change, iteration limit, cancellation) and says why it stopped.
/// </summary>
internal sealed class LbfgsRun(FlatFunction function, MinimizerOptions options)
{
    private readonly Stopwatch _clock = new();
    private TrackedPoint? _accepted;
    private double _previousValue = double.NaN;
    private int _iterations = -1;
    private int _evaluations;
    private double _lastValue;
    private double[] _lastGradient = [];

    public MinimizerResult Run(double[] start)
    {
        _clock.Start();
        var initial = new TrackedPoint(this, start.Length);
        // MathNet's own limits are set so that only its tolerances stop it: this run counts the
        // iterations, and the value test replaces MathNet's, which waits 500 iterations.
        var minimizer = new LimitedMemoryBfgsMinimizer(options.GradientTolerance,
            options.StepTolerance, functionProgressTolerance: 0, options.Memory, int.MaxValue);
        try
        {
            var result = minimizer.FindMinimum(initial, Vector<double>.Build.Dense(start));
            var final = (TrackedPoint)result.FunctionInfoAtMinimum;
            return final.IsFinite ? Finish(final, ConvergedReason(final)) : NonFinite(initial);
        }
        catch (StopSignal stop)
        {
            return Finish(stop.Point, (stop.Reason, stop.Message));
        }
        catch (OptimizationException e) when (IsNonFinite(e))
        {
            return NonFinite(initial);
        }
        catch (InnerOptimizationException e)
        {
            string detail = e.InnerException is null ? "" : " " + e.InnerException.Message;
            return Finish(_accepted ?? initial,
                (StopReason.LineSearchFailed, $"the line search failed: {e.Message}{detail}"));
        }
    }

    /// <summary>Evaluates the function, counting the call.</summary>
    public double Evaluate(double[] theta, double[] gradient)
    {
        _evaluations++;
        _lastValue = function(theta, gradient);
        _lastGradient = gradient;
        return _lastValue;
    }

    /// <summary>
    /// Called when a line search starts from <paramref name="point"/>: the previous iteration
    /// ended there. Throws <see cref="StopSignal"/> when the run should stop.
    /// </summary>
    public void EndIteration(TrackedPoint point)
    {
        if (!point.IsFinite)
        {
            throw new StopSignal(_accepted ?? point, StopReason.NonFinite,
                "the objective returned NaN or Inf at an accepted point");
        }
        IterationInfo info = Report(point);
        double change = Math.Abs(_previousValue - info.Value);
        _previousValue = info.Value;
        _accepted = point;
        if (info.GradientNorm < options.GradientTolerance)
        {
            throw new StopSignal(point, StopReason.Gradient, GradientMessage(info.GradientNorm));
        }
        if (options.ValueTolerance > 0
            && change <= options.ValueTolerance * Math.Max(Math.Abs(info.Value), 1))
        {
            throw new StopSignal(point, StopReason.Value, $"the value changed by {G3(change)},"
                + $" at most {G3(options.ValueTolerance)} times max(|f|, 1)");
        }
        if (info.Iteration >= options.MaxIterations)
        {
            throw new StopSignal(point, StopReason.Iterations,
                Invariant($"reached the limit of {options.MaxIterations} iterations"));
        }
        if (options.Cancellation.IsCancellationRequested)
        {
            throw new StopSignal(point, StopReason.Cancelled, "cancelled");
        }
    }

    private IterationInfo Report(TrackedPoint point)
    {
        if (point.Info is { } known)
        {
            return known;
        }
        _iterations++;
        var info = new IterationInfo(
            _iterations, point.Value, point.GradientNorm(), _clock.Elapsed, _evaluations);
        point.Info = info;
        options.OnIteration?.Invoke(info);
        return info;
    }

    private (StopReason, string) ConvergedReason(TrackedPoint final)
    {
        double norm = final.GradientNorm();
        if (norm < options.GradientTolerance)
        {
            return (StopReason.Gradient, GradientMessage(norm));
        }
        double relative = final.RelativeGradient();
        if (relative < options.GradientTolerance)
        {
            return (StopReason.Gradient, $"the relative gradient {G3(relative)}"
                + $" is below the tolerance {G3(options.GradientTolerance)}");
        }
        return (StopReason.Step, Invariant(
            $"the last step moved no parameter by {options.StepTolerance:G3} of max(|x|, 1)"));
    }

    private string GradientMessage(double norm) =>
        $"the gradient norm {G3(norm)} is below the tolerance {G3(options.GradientTolerance)}";

    private static string G3(double value) => value.ToString("G3", CultureInfo.InvariantCulture);

    private bool IsNonFinite(OptimizationException e) =>
        e is EvaluationException || e.InnerException is EvaluationException
        || !double.IsFinite(_lastValue) || !Array.TrueForAll(_lastGradient, double.IsFinite);

    private MinimizerResult NonFinite(TrackedPoint initial) =>
        Finish(_accepted ?? initial, (StopReason.NonFinite, _accepted is null
            ? "the objective returned NaN or Inf at the starting point"
            : "the objective returned NaN or Inf at a trial point"));

    private MinimizerResult Finish(TrackedPoint point, (StopReason Reason, string Message) stop)
    {
        IterationInfo info = Report(point);
        double[] theta = (double[])point.Theta.Clone();
        return new MinimizerResult(
            theta, info, _evaluations, _clock.Elapsed, stop.Reason, stop.Message);
    }

    /// <summary>Unwinds MathNet's minimiser when this run decides to stop.</summary>
    private sealed class StopSignal(TrackedPoint point, StopReason reason, string message)
        : Exception(message)
    {
        public TrackedPoint Point { get; } = point;

        public StopReason Reason { get; } = reason;
    }
}

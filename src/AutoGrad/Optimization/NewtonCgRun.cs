using System.Diagnostics;
using System.Globalization;
using static System.FormattableString;

namespace AutoGrad.Optimization;

/// <summary>
/// One minimisation by Newton-CG. Each iteration runs truncated conjugate gradients on
/// H p = -g, then backtracks along p until the Armijo condition holds; the stopping tests and
/// their messages are those of <see cref="LbfgsRun"/>.
/// </summary>
internal sealed class NewtonCgRun(
    FlatFunction function, HessianProduct product, MinimizerOptions options)
{
    // Armijo: accept t when f(x + t p) <= f(x) + ArmijoFactor * t * g'p.
    private const double ArmijoFactor = 1e-4;
    private const int MaxHalvings = 50;

    private readonly Stopwatch _clock = new();
    private int _evaluations;

    public MinimizerResult Run(double[] start)
    {
        _clock.Start();
        int n = start.Length;
        double[] x = (double[])start.Clone(), g = new double[n];
        double value = Evaluate(x, g);
        if (!IsFinite(value, g))
        {
            return Finish(x, 0, value, g, StopReason.NonFinite,
                "the objective returned NaN or Inf at the starting point");
        }
        double[] trial = new double[n], trialGradient = new double[n];
        double previous = double.NaN;
        for (int iteration = 0; ; iteration++)
        {
            IterationInfo info = Report(iteration, value, g);
            if (Stop(info, Math.Abs(previous - value)) is { } stop)
            {
                return Finish(x, info, stop);
            }

            double[] p = Direction(x, g);
            double slope = Dot(g, p);
            var (accepted, nonFinite, trialValue) =
                Search(x, p, value, slope, trial, trialGradient);
            if (!accepted)
            {
                return Finish(x, info, nonFinite
                    ? (StopReason.NonFinite, "the objective returned NaN or Inf at a trial point")
                    : (StopReason.LineSearchFailed, Invariant(
                        $"the line search found no decrease in {MaxHalvings} halvings")));
            }
            bool small = StepIsSmall(x, trial);
            (x, trial) = (trial, x);
            (g, trialGradient) = (trialGradient, g);
            previous = value;
            value = trialValue;
            if (small)
            {
                info = Report(iteration + 1, value, g);
                return Finish(x, info, (StopReason.Step, "the last step moved no parameter"
                    + $" by {G3(options.StepTolerance)} of max(|x|, 1)"));
            }
        }
    }

    private double Evaluate(double[] theta, double[] gradient)
    {
        _evaluations++;
        return function(theta, gradient);
    }

    private (StopReason, string)? Stop(IterationInfo info, double change)
    {
        if (info.GradientNorm < options.GradientTolerance)
        {
            return (StopReason.Gradient, $"the gradient norm {G3(info.GradientNorm)}"
                + $" is below the tolerance {G3(options.GradientTolerance)}");
        }
        if (options.ValueTolerance > 0
            && change <= options.ValueTolerance * Math.Max(Math.Abs(info.Value), 1))
        {
            return (StopReason.Value, $"the value changed by {G3(change)},"
                + $" at most {G3(options.ValueTolerance)} times max(|f|, 1)");
        }
        if (info.Iteration >= options.MaxIterations)
        {
            return (StopReason.Iterations,
                Invariant($"reached the limit of {options.MaxIterations} iterations"));
        }
        return options.Cancellation.IsCancellationRequested
            ? (StopReason.Cancelled, "cancelled") : null;
    }

    // Truncated CG on H p = -g from p = 0, to the residual min(0.5, sqrt(|g|)) |g|. On negative
    // (or non-finite) curvature it returns the iterate so far, or -g on the first CG step.
    private double[] Direction(double[] x, double[] g)
    {
        int n = g.Length;
        double[] z = new double[n], r = (double[])g.Clone(), d = new double[n], hd = new double[n];
        for (int i = 0; i < n; i++)
        {
            d[i] = -r[i];
        }
        double rr = Dot(r, r);
        double tolerance = Math.Min(0.5, Math.Sqrt(Math.Sqrt(rr))) * Math.Sqrt(rr);
        for (int j = 0; j < Math.Max(2 * n, 10); j++)
        {
            product(x, d, hd);
            _evaluations++;
            double curvature = Dot(d, hd);
            if (!(curvature > 0) || !double.IsFinite(curvature))
            {
                return j == 0 ? d : z;
            }
            double alpha = rr / curvature;
            Axpy(alpha, d, z);
            Axpy(alpha, hd, r);
            double next = Dot(r, r);
            if (Math.Sqrt(next) <= tolerance)
            {
                return z;
            }
            double beta = next / rr;
            rr = next;
            for (int i = 0; i < n; i++)
            {
                d[i] = -r[i] + beta * d[i];
            }
        }
        return z;
    }

    // Backtracking from t = 1, halving t until f(x + t p) <= f(x) + c t g'p.
    private (bool Accepted, bool NonFinite, double Value) Search(double[] x, double[] p,
        double value, double slope, double[] trial, double[] gradient)
    {
        bool nonFinite = false;
        double t = 1;
        for (int k = 0; k < MaxHalvings && slope < 0; k++, t *= 0.5)
        {
            for (int i = 0; i < x.Length; i++)
            {
                trial[i] = x[i] + t * p[i];
            }
            double trialValue = Evaluate(trial, gradient);
            nonFinite = !IsFinite(trialValue, gradient);
            if (!nonFinite && trialValue <= value + ArmijoFactor * t * slope)
            {
                return (true, false, trialValue);
            }
        }
        return (false, nonFinite, double.NaN);
    }

    private bool StepIsSmall(double[] x, double[] next)
    {
        for (int i = 0; i < x.Length; i++)
        {
            if (Math.Abs(next[i] - x[i]) >= options.StepTolerance * Math.Max(Math.Abs(x[i]), 1))
            {
                return false;
            }
        }
        return true;
    }

    private IterationInfo Report(int iteration, double value, double[] g)
    {
        var info = new IterationInfo(
            iteration, value, Math.Sqrt(Dot(g, g)), _clock.Elapsed, _evaluations);
        options.OnIteration?.Invoke(info);
        return info;
    }

    private MinimizerResult Finish(
        double[] x, int iteration, double value, double[] g, StopReason reason, string message) =>
        Finish(x, Report(iteration, value, g), (reason, message));

    private MinimizerResult Finish(double[] x, IterationInfo info, (StopReason, string) stop) =>
        new((double[])x.Clone(), info, _evaluations, _clock.Elapsed, stop.Item1, stop.Item2);

    private static bool IsFinite(double value, double[] g) =>
        double.IsFinite(value) && Array.TrueForAll(g, double.IsFinite);

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }
        return sum;
    }

    // y += a x
    private static void Axpy(double a, double[] x, double[] y)
    {
        for (int i = 0; i < x.Length; i++)
        {
            y[i] += a * x[i];
        }
    }

    private static string G3(double value) => value.ToString("G3", CultureInfo.InvariantCulture);
}

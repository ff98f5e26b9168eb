using AutoGrad.Diagnostics;
using AutoGrad.Syntax;
using MathNet.Numerics.Distributions;
using static System.FormattableString;

namespace AutoGrad.Optimization;

/// <summary>
/// Compares a gradient with central differences <c>(f(x + h d) - f(x - h d)) / 2h</c>: along
/// every coordinate when the problem is small, along random directions within each variable
/// when it is large. It reports the largest relative error per variable, and where NaN or Inf
/// first appeared.
/// </summary>
public static class GradientCheck
{
    /// <summary>
    /// Checks the gradient of <paramref name="objective"/> at <paramref name="theta"/>.
    /// </summary>
    public static GradientCheckReport Run(
        FlatObjective objective, double[] theta, GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return Run(objective.ValueAndGradient, objective.Layout, theta, options);
    }

    /// <summary>
    /// Checks the gradient of <paramref name="function"/> at <paramref name="theta"/>,
    /// attributing errors to the variables of <paramref name="layout"/>.
    /// </summary>
    /// <exception cref="AutoGradException">
    /// <paramref name="theta"/> does not fit the layout.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of its range.</exception>
    public static GradientCheckReport Run(FlatFunction function, ParameterLayout layout,
        double[] theta, GradientCheckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(layout);
        layout.CheckLength("parameter", theta);
        options ??= new GradientCheckOptions();
        Validate(options);

        var probe = new Probe(function, (double[])theta.Clone(), options);
        bool byDirections = layout.Length > options.CoordinateLimit;
        IReadOnlyList<VariableCheck> checks = [.. layout.Slots.Select((slot, i) =>
            !double.IsFinite(probe.Value) ? Unchecked(slot)
            : byDirections ? probe.Directions(slot, options.Seed + i)
            : probe.Coordinates(slot))];
        return new GradientCheckReport(probe.Value, checks, byDirections, options.Tolerance);
    }

    private static void Validate(GradientCheckOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.CoordinateLimit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Directions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Step);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Tolerance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Floor);
    }

    private static VariableCheck Unchecked(ParameterSlot slot) =>
        new(slot.Name, double.NaN, 0, null, double.NaN, double.NaN, null);

    // The point, its gradient, and a scratch gradient for the shifted evaluations.
    private sealed class Probe
    {
        private readonly FlatFunction _function;
        private readonly double[] _x;
        private readonly double[] _gradient;
        private readonly double[] _scratch;
        private readonly GradientCheckOptions _options;

        public Probe(FlatFunction function, double[] x, GradientCheckOptions options)
        {
            _function = function;
            _x = x;
            _options = options;
            _gradient = new double[x.Length];
            _scratch = new double[x.Length];
            Value = function(x, _gradient);
        }

        public double Value { get; }

        public VariableCheck Coordinates(ParameterSlot slot)
        {
            if (FirstNonFinite(slot) is { } bad)
            {
                return Failed(slot, bad);
            }
            Span<double> g = slot.Of(_gradient);
            var numeric = new double[slot.Length];
            for (int i = 0; i < slot.Length; i++)
            {
                var (fp, fm, step) = Shift(slot.Offset + i);
                if (!double.IsFinite(fp) || !double.IsFinite(fm))
                {
                    string value = Format(double.IsFinite(fp) ? fm : fp);
                    return Failed(slot, Invariant(
                        $"the value is {value} when {Entry(slot, i)} moves by {step / 2:G3}"));
                }
                numeric[i] = (fp - fm) / step;
            }
            return Compare(slot, g, numeric);
        }

        public VariableCheck Directions(ParameterSlot slot, int seed)
        {
            if (FirstNonFinite(slot) is { } bad)
            {
                return Failed(slot, bad);
            }
            var random = new Random(seed);
            double norm = Norm(slot.Of(_gradient));
            double worst = 0, worstAnalytic = 0, worstNumeric = 0;
            for (int k = 0; k < _options.Directions; k++)
            {
                double[] d = UnitDirection(slot.Length, random);
                double analytic = Dot(slot.Of(_gradient), d);
                double numeric = Along(slot, d);
                if (!double.IsFinite(numeric))
                {
                    return Failed(slot,
                        $"the value is not finite along a random direction in '{slot.Name}'");
                }
                double error = Math.Abs(analytic - numeric)
                    / Math.Max(Math.Max(norm, Math.Abs(numeric)), _options.Floor);
                if (error >= worst)
                {
                    (worst, worstAnalytic, worstNumeric) = (error, analytic, numeric);
                }
            }
            return new VariableCheck(
                slot.Name, worst, _options.Directions, null, worstAnalytic, worstNumeric, null);
        }

        private VariableCheck Compare(ParameterSlot slot, Span<double> analytic, double[] numeric)
        {
            double scale = Math.Max(Math.Max(Norm(analytic), Norm(numeric)), _options.Floor);
            int worst = 0;
            double error = 0;
            for (int i = 0; i < numeric.Length; i++)
            {
                double e = Math.Abs(analytic[i] - numeric[i]) / scale;
                if (e > error)
                {
                    (worst, error) = (i, e);
                }
            }
            return new VariableCheck(slot.Name, error, numeric.Length, slot.Position(worst),
                analytic[worst], numeric[worst], null);
        }

        // f at x_i + h and x_i - h, and the distance between the two points as stored.
        private (double Plus, double Minus, double Step) Shift(int index)
        {
            double saved = _x[index];
            double h = _options.Step * Math.Max(Math.Abs(saved), 1);
            _x[index] = saved + h;
            double plus = _function(_x, _scratch);
            double up = _x[index];
            _x[index] = saved - h;
            double minus = _function(_x, _scratch);
            double step = up - _x[index];
            _x[index] = saved;
            return (plus, minus, step);
        }

        // The central difference along the unit direction d within the slot.
        private double Along(ParameterSlot slot, double[] d)
        {
            Span<double> x = slot.Of(_x);
            double[] saved = x.ToArray();
            double h = _options.Step * Math.Max(saved.Max(Math.Abs), 1);
            Move(x, saved, d, h);
            double plus = _function(_x, _scratch);
            Move(x, saved, d, -h);
            double minus = _function(_x, _scratch);
            saved.CopyTo(x);
            return (plus - minus) / (2 * h);
        }

        private static void Move(Span<double> x, double[] from, double[] d, double h)
        {
            for (int i = 0; i < x.Length; i++)
            {
                x[i] = from[i] + h * d[i];
            }
        }

        private string? FirstNonFinite(ParameterSlot slot)
        {
            Span<double> g = slot.Of(_gradient);
            for (int i = 0; i < g.Length; i++)
            {
                if (!double.IsFinite(g[i]))
                {
                    var (r, c) = slot.Position(i);
                    return Invariant(
                        $"the gradient of '{slot.Name}' is {Format(g[i])} at ({r + 1},{c + 1})");
                }
            }
            return null;
        }

        private static string Format(double value) => Printer.FormatNumber(value);

        // The entry as the language writes it, counting from 1: W(2,3).
        private static string Entry(ParameterSlot slot, int index)
        {
            var (r, c) = slot.Position(index);
            return Invariant($"{slot.Name}({r + 1},{c + 1})");
        }

        private static VariableCheck Failed(ParameterSlot slot, string where) =>
            new(slot.Name, double.NaN, 0, null, double.NaN, double.NaN, where);

        private static double[] UnitDirection(int length, Random random)
        {
            double[] d = [.. Normal.Samples(random, 0, 1).Take(length)];
            double norm = Norm(d);
            return norm > 0 ? [.. d.Select(v => v / norm)] : d;
        }

        private static double Norm(ReadOnlySpan<double> v) => Math.Sqrt(Dot(v, v));

        private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
        {
            double sum = 0;
            for (int i = 0; i < a.Length; i++)
            {
                sum += a[i] * b[i];
            }
            return sum;
        }
    }
}

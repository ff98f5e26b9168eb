using System.Numerics;
using System.Runtime.InteropServices;

namespace AutoGrad.Benchmarks;

/// <summary>
/// The elementwise loops the closed forms need, vectorised with <see cref="Vector{T}"/> so the
/// baseline is a fair one.
/// </summary>
internal static class Dense
{
    /// <summary>The sum of the squares of the entries.</summary>
    public static double SumOfSquares(ReadOnlySpan<double> values)
    {
        ReadOnlySpan<Vector<double>> wide = MemoryMarshal.Cast<double, Vector<double>>(values);
        var acc = Vector<double>.Zero;
        foreach (Vector<double> v in wide)
        {
            acc += v * v;
        }
        double sum = Vector.Sum(acc);
        for (int i = wide.Length * Vector<double>.Count; i < values.Length; i++)
        {
            sum += values[i] * values[i];
        }
        return sum;
    }

    /// <summary>The largest absolute difference between two arrays of equal length.</summary>
    public static double MaxAbsDifference(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double max = 0;
        for (int i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }
        return max;
    }

    /// <summary>The largest absolute entry.</summary>
    public static double MaxAbs(ReadOnlySpan<double> a)
    {
        double max = 0;
        foreach (double v in a)
        {
            max = Math.Max(max, Math.Abs(v));
        }
        return max;
    }

    /// <summary>A column-major rows x cols array of uniform entries in [low, high).</summary>
    public static double[] Random(Random random, int rows, int cols, double low, double high)
    {
        var values = new double[rows * cols];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = low + (high - low) * random.NextDouble();
        }
        return values;
    }
}

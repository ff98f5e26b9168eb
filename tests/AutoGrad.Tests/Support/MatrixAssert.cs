using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Support;

/// <summary>Comparisons of whole matrices, relative to the largest expected entry.</summary>
internal static class MatrixAssert
{
    /// <summary>
    /// Fails unless every entry satisfies |actual - expected| &lt;= tolerance * s, where s is
    /// the largest |entry| of <paramref name="expected"/> (or 1 when that is smaller).
    /// </summary>
    public static void Near(
        Matrix<double> expected, Matrix<double> actual, double tolerance, string context)
    {
        Assert.That((actual.RowCount, actual.ColumnCount),
            Is.EqualTo((expected.RowCount, expected.ColumnCount)), $"{context}: shape");
        double scale = Math.Max(1, expected.Enumerate().Max(Math.Abs));
        for (int j = 0; j < expected.ColumnCount; j++)
        {
            for (int i = 0; i < expected.RowCount; i++)
            {
                double e = expected[i, j], a = actual[i, j];
                if (!(Math.Abs(a - e) <= tolerance * scale))
                {
                    Assert.Fail(string.Create(CultureInfo.InvariantCulture,
                        $"{context}: entry ({i + 1},{j + 1}) is {a:R}, expected {e:R} "
                        + $"(tolerance {tolerance} of {scale:R})"));
                }
            }
        }
    }

    /// <summary>
    /// Like <see cref="Near"/>, but relative to the largest entry exactly, with no floor of 1:
    /// the agreement the reference cases promise.
    /// </summary>
    public static void NearLargestEntry(
        Matrix<double> expected, Matrix<double> actual, double tolerance, string context)
    {
        Assert.That((actual.RowCount, actual.ColumnCount),
            Is.EqualTo((expected.RowCount, expected.ColumnCount)), $"{context}: shape");
        double largest = expected.Enumerate().Max(Math.Abs);
        Matrix<double> difference = actual - expected;
        double worst = difference.Enumerate().Max(Math.Abs);
        Assert.That(worst, Is.LessThanOrEqualTo(tolerance * largest),
            $"{context}: largest difference {worst:R} against largest entry {largest:R}");
    }

    /// <summary>Fails unless |actual - expected| &lt;= tolerance * max(1, |expected|).</summary>
    public static void Near(double expected, double actual, double tolerance, string context) =>
        Assert.That(actual,
            Is.EqualTo(expected).Within(tolerance * Math.Max(1, Math.Abs(expected))), context);
}

using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Support;

/// <summary>
/// The gradient checker: central differences at every entry, compared with an analytic
/// gradient entry by entry.
/// </summary>
internal static class FiniteDifferences
{
    /// <summary>The step at an entry x is Step * max(1, |x|).</summary>
    public const double Step = 1e-6;

    /// <summary>Entries agree when |a - n| &lt;= Tolerance * max(1, |a|, |n|).</summary>
    public const double Tolerance = 1e-6;

    /// <summary>
    /// The central-difference gradient of <paramref name="f"/> with respect to the variable
    /// <paramref name="name"/>, the other bindings held at <paramref name="values"/>.
    /// </summary>
    public static Matrix<double> Gradient(
        Func<IReadOnlyDictionary<string, Matrix<double>>, double> f,
        IReadOnlyDictionary<string, Matrix<double>> values,
        string name)
    {
        var moved = new Dictionary<string, Matrix<double>>(values);
        Matrix<double> x = values[name].Clone();
        moved[name] = x;
        var gradient = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        for (int j = 0; j < x.ColumnCount; j++)
        {
            for (int i = 0; i < x.RowCount; i++)
            {
                double origin = x[i, j];
                double h = Step * Math.Max(1, Math.Abs(origin));
                x[i, j] = origin + h;
                double up = f(moved);
                x[i, j] = origin - h;
                double down = f(moved);
                x[i, j] = origin;
                gradient[i, j] = (up - down) / (2 * h);
            }
        }
        return gradient;
    }

    /// <summary>
    /// Fails, naming the objective, the variable, the entry (1-based row, column) and both
    /// values, unless every entry of <paramref name="analytic"/> agrees with
    /// <paramref name="numeric"/>.
    /// </summary>
    public static void AssertAgree(
        string objective, string variable, Matrix<double> analytic, Matrix<double> numeric)
    {
        Assert.That((analytic.RowCount, analytic.ColumnCount),
            Is.EqualTo((numeric.RowCount, numeric.ColumnCount)),
            $"{objective}: the gradient with respect to {variable} has the wrong shape");
        var failures = new List<string>();
        for (int j = 0; j < analytic.ColumnCount; j++)
        {
            for (int i = 0; i < analytic.RowCount; i++)
            {
                double a = analytic[i, j], n = numeric[i, j];
                double scale = Math.Max(1, Math.Max(Math.Abs(a), Math.Abs(n)));
                if (!(Math.Abs(a - n) <= Tolerance * scale))
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{objective}: d/d{variable} entry ({i + 1},{j + 1}): "
                        + $"analytic {a:R}, numeric {n:R}"));
                }
            }
        }
        if (failures.Count > 0)
        {
            Assert.Fail($"{failures.Count} entries disagree; the first: {failures[0]}");
        }
    }
}

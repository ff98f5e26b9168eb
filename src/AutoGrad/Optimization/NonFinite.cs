using System.Globalization;
using AutoGrad.Syntax;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Optimization;

/// <summary>
/// Finds where NaN or Inf first appear, so a run that turns non-finite can say where: in the
/// data bound to an objective, or in a gradient over flat parameters. Entries are written as
/// the language writes them, counting from 1: <c>x(3,17)</c>.
/// </summary>
public static class NonFinite
{
    /// <summary>The first non-finite entry among the matrices, in name order, or null.</summary>
    public static string? FirstIn(IReadOnlyDictionary<string, Matrix<double>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (name, matrix) in values.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            double[] entries = matrix.AsColumnMajorArray() ?? matrix.ToColumnMajorArray();
            int index = Array.FindIndex(entries, v => !double.IsFinite(v));
            if (index >= 0)
            {
                return Describe(name, index % matrix.RowCount, index / matrix.RowCount, entries[index]);
            }
        }
        return null;
    }

    /// <summary>The first non-finite entry of a flat gradient, by variable, or null.</summary>
    public static string? FirstInGradient(ParameterLayout layout, double[] gradient)
    {
        ArgumentNullException.ThrowIfNull(layout);
        foreach (ParameterSlot slot in layout.Slots)
        {
            Span<double> g = slot.Of(gradient);
            for (int i = 0; i < g.Length; i++)
            {
                if (!double.IsFinite(g[i]))
                {
                    var (r, c) = slot.Position(i);
                    return "the gradient entry " + Describe(slot.Name, r, c, g[i]);
                }
            }
        }
        return null;
    }

    private static string Describe(string name, int row, int col, double value) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{name}({row + 1},{col + 1}) is {Printer.FormatNumber(value)}");
}

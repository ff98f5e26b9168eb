using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Syntax;

/// <summary>
/// Shared fixtures of the front-end tests: a fixed set of shapes, values drawn from a seeded
/// generator, and one way to parse, evaluate or fail.
/// </summary>
internal static class Texts
{
    /// <summary>
    /// The shapes every error test parses under: A 3x4, B 4x2, S 3x3 (square), u 3x1 (column),
    /// r 1x4 (row).
    /// </summary>
    public static ObjectiveOptions Options()
    {
        var options = new ObjectiveOptions();
        options.Shapes["A"] = Shape.Of(3, 4);
        options.Shapes["B"] = Shape.Of(4, 2);
        options.Shapes["S"] = Shape.Of(3, 3);
        options.Shapes["u"] = Shape.Of(3, 1);
        options.Shapes["r"] = Shape.Of(1, 4);
        return options;
    }

    /// <summary>Free names become 1x1 variables, as in the CLI's derive.</summary>
    public static ObjectiveOptions Scalars() => new() { UndeclaredAreScalars = true };

    /// <summary>The exception that parsing <paramref name="text"/> must throw.</summary>
    public static AutoGradException ParseError(string text, ObjectiveOptions? options = null)
    {
        var e = Assert.Throws<AutoGradException>(() => Objective.Parse(text, options ?? Options()));
        return e!;
    }

    /// <summary>The interpreter's value of a text whose names are all 1x1 scalars.</summary>
    public static double ScalarValue(string text, params (string Name, double Value)[] scalars)
    {
        Objective f = Objective.Parse(text, Scalars());
        return f.Interpret(scalars.ToDictionary(s => s.Name, s => Scalar(s.Value)));
    }

    /// <summary>A 1x1 matrix.</summary>
    public static Matrix<double> Scalar(double value) =>
        Matrix<double>.Build.Dense(1, 1, value);

    /// <summary>
    /// A matrix for every variable of <paramref name="f"/>, entries in [0.2, 1.2) so that
    /// log, sqrt and division stay in their domains; the same seed gives the same values.
    /// </summary>
    public static Dictionary<string, Matrix<double>> ValuesFor(Objective f, int seed = 7)
    {
        var random = new Random(seed);
        var values = new Dictionary<string, Matrix<double>>();
        foreach (var (name, shape) in f.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            values[name] = Random(random, Size(shape.Rows), Size(shape.Cols));
        }
        return values;
    }

    /// <summary>A matrix with entries in [0.2, 1.2).</summary>
    public static Matrix<double> Random(Random random, int rows, int cols) =>
        Matrix<double>.Build.Dense(rows, cols, (_, _) => 0.2 + random.NextDouble());

    private static int Size(Dim dim) => (int)dim.Coefficient;
}

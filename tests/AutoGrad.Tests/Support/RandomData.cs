using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Tests.Support;

/// <summary>Reproducible random bindings for an objective's variables.</summary>
internal static class RandomData
{
    /// <summary>A generator seeded by <paramref name="key"/> only, so each run is alike.</summary>
    public static Random For(string key)
    {
        // FNV-1a: string.GetHashCode differs from one process to the next.
        uint hash = 2166136261;
        foreach (char c in key)
        {
            hash = (hash ^ c) * 16777619;
        }
        return new Random((int)(hash & 0x7fffffff));
    }

    /// <summary>The size of <paramref name="shape"/> under the named sizes.</summary>
    public static (int Rows, int Cols) Size(Shape shape, IReadOnlyDictionary<string, int> dims) =>
        ((int)shape.Rows.Evaluate(s => dims[s]), (int)shape.Cols.Evaluate(s => dims[s]));

    /// <summary>
    /// A matrix for every variable of <paramref name="variables"/>, in ordinal name order, each
    /// from its own domain in <paramref name="domains"/> or else from <paramref name="domain"/>.
    /// </summary>
    public static Dictionary<string, Matrix<double>> Bind(
        IReadOnlyDictionary<string, Shape> variables,
        IReadOnlyDictionary<string, int> dims,
        Domain domain,
        IReadOnlyDictionary<string, Domain> domains,
        Random random)
    {
        var values = new Dictionary<string, Matrix<double>>();
        foreach (var (name, shape) in variables.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            var (rows, cols) = Size(shape, dims);
            values[name] = domains.GetValueOrDefault(name, domain).Matrix(random, rows, cols);
        }
        return values;
    }

    /// <summary>A matrix of entries in [-1, 1].</summary>
    public static Matrix<double> Matrix(Random random, int rows, int cols) =>
        Matrix<double>.Build.Dense(rows, cols, (_, _) => 2 * random.NextDouble() - 1);
}

using AutoGrad.Benchmarks.ClosedForms;
using AutoGrad.Graph;

namespace AutoGrad.Benchmarks.Examples;

/// <summary>
/// One seed example: its text, the variable it is differentiated with respect to, the
/// constants folded into it, the shapes of its variables at given sizes, and its closed form.
/// </summary>
public abstract class SeedExample
{
    /// <summary>The objective's text, without shape declarations.</summary>
    public abstract string Text { get; }

    /// <summary>The variable of the gradient.</summary>
    public abstract string Wrt { get; }

    /// <summary>Named scalars folded in at compile time (the seed cases' values).</summary>
    public virtual IReadOnlyDictionary<string, double> Constants { get; } =
        new Dictionary<string, double>();

    /// <summary>The example that <paramref name="seed"/> names.</summary>
    public static SeedExample Of(Seed seed) => seed switch
    {
        Seed.SparseCoding => new SparseCodingExample(),
        Seed.TopographicL1 => new TopographicL1Example(),
        Seed.Ica => new IcaExample(),
        _ => throw new ArgumentOutOfRangeException(nameof(seed), seed, "no such example"),
    };

    /// <summary>Each variable's rows and columns at the sizes <paramref name="d"/>.</summary>
    public abstract IReadOnlyDictionary<string, (int Rows, int Cols)> Shapes(Dims d);

    /// <summary>Floating-point operations in the closed form's GEMM calls (2mnk each).</summary>
    public abstract double ClosedFormFlops(Dims d);

    /// <summary>The closed form on <paramref name="inputs"/> (column-major, by name).</summary>
    public abstract ClosedForm ClosedForm(Dims d, IReadOnlyDictionary<string, double[]> inputs);

    /// <summary>Parses the text with numeric shapes for <paramref name="d"/>.</summary>
    public Objective Parse(Dims d)
    {
        var options = new ObjectiveOptions();
        foreach (var (name, (rows, cols)) in Shapes(d))
        {
            options.Shapes[name] = Shape.Of(rows, cols);
        }
        foreach (var (name, value) in Constants)
        {
            options.Constants[name] = value;
        }
        return Objective.Parse(Text, options);
    }

    /// <summary>Uniform random data in [-1, 1) for every variable; fixed seed.</summary>
    public virtual Dictionary<string, double[]> RandomInputs(Dims d)
    {
        var random = new Random(20261203);
        return Shapes(d).ToDictionary(
            v => v.Key, v => Dense.Random(random, v.Value.Rows, v.Value.Cols, -1, 1));
    }
}

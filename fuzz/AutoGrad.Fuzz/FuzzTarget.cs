using System.Text;
using AutoGrad.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Fuzz;

/// <summary>
/// What the fuzzer runs on each input: the text goes through parse, differentiate, print,
/// compile and (when its data is small) evaluate, once as written and once with free names as
/// 1x1 variables. An <see cref="AutoGradException"/> is the documented answer to a bad text;
/// any other exception escapes, and the fuzzer records it as a crash.
/// </summary>
public static class FuzzTarget
{
    // Data is bound only when every variable is this small; every named size is 2.
    private const long MaxEntries = 10_000;

    /// <summary>Runs the pipeline on bytes read as UTF-8 (invalid bytes become U+FFFD).</summary>
    public static void Run(ReadOnlySpan<byte> data) => Run(Encoding.UTF8.GetString(data));

    /// <summary>Runs the pipeline on the whole of <paramref name="input"/>.</summary>
    public static void Run(Stream input)
    {
        using var reader = new StreamReader(input, Encoding.UTF8);
        Run(reader.ReadToEnd());
    }

    /// <summary>Runs the pipeline on <paramref name="text"/>, with and without scalars.</summary>
    public static void Run(string text)
    {
        foreach (bool scalars in (bool[])[false, true])
        {
            try
            {
                RunPipeline(text, new ObjectiveOptions { UndeclaredAreScalars = scalars });
            }
            catch (AutoGradException)
            {
                // The documented answer to a bad text.
            }
        }
    }

    private static void RunPipeline(string text, ObjectiveOptions options)
    {
        Objective objective = Objective.Parse(text, options);
        string[] names = [.. objective.Variables.Keys];
        GradientGraph gradient = objective.Differentiate(names);
        foreach (string name in names)
        {
            _ = gradient.Formula(name);
        }
        CompiledObjective compiled = objective.Compile(names);

        var sizes = objective.Variables.ToDictionary(v => v.Key,
            v => (Rows: v.Value.Rows.Evaluate(_ => 2), Cols: v.Value.Cols.Evaluate(_ => 2)));
        if (sizes.Values.Any(s => s.Rows * s.Cols > MaxEntries))
        {
            return;
        }
        var values = sizes.ToDictionary(s => s.Key,
            s => Matrix<double>.Build.Dense((int)s.Value.Rows, (int)s.Value.Cols, 0.5));
        _ = compiled.EvaluateWithGradients(values);
        _ = objective.Interpret(values);
    }
}

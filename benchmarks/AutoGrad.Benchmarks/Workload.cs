using AutoGrad.Benchmarks.ClosedForms;
using AutoGrad.Benchmarks.Examples;
using AutoGrad.Compilation;
using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Benchmarks;

/// <summary>
/// One seed example at one size, ready to time three ways: compiled (array overload, buffers
/// allocated once), closed form, and the reference interpreter on the same gradient graph.
/// </summary>
public sealed class Workload
{
    // Relative to the closed form's largest entry; products run in different orders.
    private const double Tolerance = 1e-9;

    private readonly double[][] _inputs;
    private readonly double[][] _gradients;
    private readonly Node[] _roots;
    private readonly Dictionary<string, Matrix<double>> _matrices;

    /// <summary>Parses, differentiates and compiles <paramref name="example"/>.</summary>
    public Workload(SeedExample example, Dims dims)
    {
        Dictionary<string, double[]> data = example.RandomInputs(dims);
        var shapes = example.Shapes(dims);
        Objective objective = example.Parse(dims);
        Compiled = objective.Compile(example.Wrt);
        _inputs = [.. Compiled.Variables.Select(name => data[name])];
        _gradients = [new double[data[example.Wrt].Length]];
        ClosedForm = example.ClosedForm(dims, data);
        ClosedFormGradient = new double[data[example.Wrt].Length];
        GradientGraph graph = objective.Differentiate(example.Wrt);
        _roots = [graph.Value, graph.Node(example.Wrt)];
        _matrices = data.ToDictionary(v => v.Key, v => Matrix<double>.Build.Dense(
            shapes[v.Key].Rows, shapes[v.Key].Cols, v.Value));
        Name = $"{example.GetType().Name} at {dims}";
    }

    /// <summary>The compiled objective.</summary>
    public CompiledObjective Compiled { get; }

    /// <summary>The hand-written value and gradient.</summary>
    public ClosedForm ClosedForm { get; }

    /// <summary>The buffer the closed form writes its gradient into.</summary>
    public double[] ClosedFormGradient { get; }

    /// <summary>The example and sizes, for messages.</summary>
    public string Name { get; }

    /// <summary>Value and gradient through the compiled array overload.</summary>
    public double RunCompiled() => Compiled.Evaluate(_inputs, _gradients);

    /// <summary>Value and gradient through the closed form.</summary>
    public double RunClosedForm() => ClosedForm.Evaluate(ClosedFormGradient);

    /// <summary>Value and gradient through the reference interpreter.</summary>
    public Matrix<double>[] RunInterpreter() =>
        Interpreter.Evaluate(_roots, name => _matrices[name], NoSymbols);

    /// <summary>Throws unless the compiled value and gradient match the closed form.</summary>
    public void VerifyCompiled()
    {
        double expected = RunClosedForm();
        double value = RunCompiled();
        Check("compiled", value, expected, _gradients[0]);
    }

    /// <summary>Throws unless the interpreter's value and gradient match the closed form.</summary>
    public void VerifyInterpreter()
    {
        double expected = RunClosedForm();
        Matrix<double>[] results = RunInterpreter();
        Check("interpreter", results[0][0, 0], expected, results[1].ToColumnMajorArray());
    }

    private void Check(string path, double value, double expected, double[] gradient)
    {
        double scale = Math.Max(1, Dense.MaxAbs(ClosedFormGradient));
        double gap = Dense.MaxAbsDifference(gradient, ClosedFormGradient) / scale;
        if (Math.Abs(value - expected) > Tolerance * Math.Max(1, Math.Abs(expected))
            || !(gap <= Tolerance))
        {
            throw new InvalidOperationException(
                $"{Name}: the {path} path gives value {value:R} and gradient off by {gap:E2} "
                + $"(relative), but the closed form gives {expected:R}");
        }
    }

    private static long NoSymbols(string name) =>
        throw new InvalidOperationException($"the shapes are numeric; no size '{name}'");
}

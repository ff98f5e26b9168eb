using System.Diagnostics;
using System.Globalization;
using AutoGrad.Cli.Commands;
using AutoGrad.IO;
using AutoGrad.Optimization;
using AutoGrad.Syntax;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Cli.Training;

/// <summary>
/// What the examples share: the objective file, the L-BFGS run with one progress line per
/// iteration, the value history for the loss curve, the summary, and the files written.
/// </summary>
internal sealed class Trainer(TrainingOptions options)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<double> _values = [];
    private FlatObjective? _problem;

    /// <summary>The value after each iteration, the starting point first.</summary>
    public IReadOnlyList<double> Values => _values;

    /// <summary>The options of this run.</summary>
    public TrainingOptions Options => options;

    private TextWriter Output => options.Output;

    /// <summary>
    /// Parses examples/NAME.ag with <paramref name="defaults"/> folded in as constants, each
    /// replaced by the value --set gives it.
    /// </summary>
    public Objective Load(string name, IReadOnlyDictionary<string, double> defaults)
    {
        string path = Locations.Example(name);
        var parsing = new ObjectiveOptions();
        var constants = new Dictionary<string, double>(defaults);
        foreach (var (key, value) in options.Constants)
        {
            if (!defaults.ContainsKey(key))
            {
                throw new UsageException($"--set {key}: {path} has no constant '{key}'"
                    + $" (its constants are {string.Join(", ", defaults.Keys)})");
            }
            constants[key] = value;
        }
        foreach (var (key, value) in constants)
        {
            parsing.Constants[key] = value;
        }
        string bound = string.Join(", ",
            constants.Select(c => $"{c.Key} = {Printer.FormatNumber(c.Value)}"));
        Output.WriteLine($"objective: {path} ({bound})");
        return Objective.Parse(File.ReadAllText(path), parsing);
    }

    /// <summary>Says what the data is, and how long reading and preparing it took.</summary>
    public void Report(string what) => Output.WriteLine($"{what} ({Seconds(_clock.Elapsed)})");

    /// <summary>Minimises <paramref name="f"/> over the parameters of the layout.</summary>
    public MinimizerResult Minimize(
        Objective f, ParameterLayout layout, IReadOnlyDictionary<string, Matrix<double>> data,
        double[] start, int defaultIterations)
    {
        if (NonFinite.FirstIn(data) is { } bad)
        {
            Output.WriteLine($"data: {bad}; NaN and Inf propagate by IEEE rules");
        }
        var problem = FlatObjective.Create(f, layout, data);
        _problem = problem;
        string sizes = string.Join(", ", problem.Sizes.Select(s => $"{s.Key} = {s.Value}"));
        Output.WriteLine($"sizes: {sizes}; {layout.Length} parameters"
            + $" ({string.Join(", ", layout.Names)}); backend: {problem.Compiled.Backend}");
        var minimizer = new MinimizerOptions
        {
            MaxIterations = options.Iterations ?? defaultIterations,
            OnIteration = Progress,
        };
        return Lbfgs.Minimize(problem, start, minimizer);
    }

    /// <summary>The lines after the run: why it stopped, time, iterations, final value.</summary>
    public void Summary(MinimizerResult result)
    {
        string reason = result.Reason.ToString().ToLowerInvariant();
        Output.WriteLine($"stopped ({reason}): {result.Message}");
        if (result.Reason == StopReason.NonFinite && _problem is not null)
        {
            var gradient = new double[result.Theta.Length];
            double value = _problem.ValueAndGradient(result.Theta, gradient);
            string where = NonFinite.FirstInGradient(_problem.Layout, gradient)
                ?? $"the value is {Printer.FormatNumber(value)}";
            Output.WriteLine($"first non-finite: {where}");
        }
        Output.WriteLine($"iterations: {result.Iterations}, evaluations: {result.Evaluations},"
            + $" training time: {Seconds(result.Elapsed)}, total time: {Seconds(_clock.Elapsed)}");
        Output.WriteLine($"final value: {Printer.FormatNumber(result.Value)}");
    }

    /// <summary>Writes <paramref name="value"/> to OUT/NAME.npy.</summary>
    public void Save(string name, Matrix<double> value)
    {
        string path = PathOf(name + ".npy");
        Npy.Write(path, value.ToColumnMajorArray(), value.RowCount, value.ColumnCount);
        Output.WriteLine($"wrote {path} ({value.RowCount}x{value.ColumnCount})");
    }

    /// <summary>Draws a picture into OUT/FILE with <paramref name="draw"/>.</summary>
    public void Picture(string file, string what, Action<string> draw)
    {
        string path = PathOf(file);
        draw(path);
        Output.WriteLine($"wrote {path} ({what})");
    }

    /// <summary>The loss curve of the run, as OUT/loss.png.</summary>
    public void LossCurve(string title) =>
        Picture("loss.png", "loss curve", path => Pictures.LossCurve(path, _values, title));

    private string PathOf(string file)
    {
        Directory.CreateDirectory(options.OutDir);
        return Path.Combine(options.OutDir, file);
    }

    private void Progress(IterationInfo i)
    {
        _values.Add(i.Value);
        string value = Text($"{i.Value,-14:G10}");
        string norm = Text($"{i.GradientNorm:0.00e+00}");
        string time = Text($"{i.Elapsed.TotalSeconds,6:F2}");
        Output.WriteLine($"iteration {i.Iteration,4}  value {value}  |gradient| {norm}  {time} s");
    }

    private static string Seconds(TimeSpan t) => Text($"{t.TotalSeconds:F1} s");

    private static string Text(FormattableString text) =>
        text.ToString(CultureInfo.InvariantCulture);
}

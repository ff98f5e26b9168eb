using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using AutoGrad.IO;
using AutoGrad.Optimization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Cli.Commands;

/// <summary>
/// <c>autograd minimize OBJECTIVE-FILE --data NAME=FILE.npy ... --wrt NAMES
/// --init NAME=RxC:randn*0.01 ... [--set NAME=NUMBER]... [--iterations N] [--out DIR]
/// [--seed N] [--method lbfgs|newton-cg]</c>: minimises the objective over the --wrt variables
/// by L-BFGS (or Newton-CG), printing one
/// line per iteration and a summary, and writes each optimised variable to DIR/NAME.npy.
/// </summary>
internal static partial class MinimizeCommand
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The exit code when the objective became NaN or infinite.</summary>
    public const int NotFinite = 1;

    public static Command Create(TextWriter output)
    {
        var objective = CommonOptions.Objective();
        var data = CommonOptions.Data();
        var set = CommonOptions.Set();
        var wrt = CommonOptions.Wrt("Variables to optimise, comma-separated (default: the --init names).");
        var init = new Option<string[]>("--init")
        {
            Description = "Starting value: NAME=RxC:randn*0.01 (or rand, zeros, ones, a number),"
                + " or NAME=FILE.npy.",
        };
        var iterations = new Option<int>("--iterations")
        {
            Description = "The most iterations.",
            DefaultValueFactory = _ => 400,
        };
        var outDir = new Option<string>("--out")
        {
            Description = "Folder for the results, NAME.npy each.",
            DefaultValueFactory = _ => ".",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the random starting values.",
            DefaultValueFactory = _ => 0,
        };
        var method = new Option<string>("--method")
        {
            Description = "The optimiser: lbfgs, or newton-cg (Hessian-vector products).",
            DefaultValueFactory = _ => "lbfgs",
        };
        method.AcceptOnlyFromAmong("lbfgs", "newton-cg");
        var command = new Command(
            "minimize", "Minimise an objective by L-BFGS or Newton-CG; save the result.")
        {
            objective, data, set, wrt, init, iterations, outDir, seed, method,
        };
        command.SetAction(parsed =>
        {
            var options = new ObjectiveOptions();
            Dictionary<string, NpyArray> arrays = Arguments.Data(parsed.GetValue(data), options);
            Arguments.Constants(parsed.GetValue(set), options);
            var vectors = new HashSet<string>();
            Dictionary<string, Matrix<double>> starts =
                Starts(parsed.GetValue(init), new Random(parsed.GetValue(seed)), options, vectors);
            string[] names = Arguments.Names(parsed.GetValue(wrt));
            names = names.Length > 0 ? names : [.. starts.Keys];
            string text = Arguments.ObjectiveText(FileArgument(parsed.GetValue(objective)!));
            var run = new Run(Objective.Parse(text, options), names, starts, arrays, output)
            {
                UseNewtonCg = parsed.GetValue(method) == "newton-cg",
            };
            return run.Execute(parsed.GetValue(iterations), parsed.GetValue(outDir)!, vectors);
        });
        return command;
    }

    // The starting values of --init; each one's shape goes into the options.
    private static Dictionary<string, Matrix<double>> Starts(
        string[]? specs, Random random, ObjectiveOptions options, HashSet<string> vectors)
    {
        var starts = new Dictionary<string, Matrix<double>>();
        foreach (var (name, spec) in Arguments.Pairs(specs, "--init"))
        {
            Matrix<double> start = Start(name, spec, random, vectors);
            starts[name] = start;
            options.Shapes[name] = Graph.Shape.Of(start.RowCount, start.ColumnCount);
        }
        return starts;
    }

    // A path names the objective's file; '@FILE' and text that names no file work as in eval.
    private static string FileArgument(string argument) =>
        !argument.StartsWith('@') && File.Exists(argument) ? "@" + argument : argument;

    private static Matrix<double> Start(
        string name, string spec, Random random, HashSet<string> vectors)
    {
        if (spec.EndsWith(".npy", StringComparison.OrdinalIgnoreCase))
        {
            NpyArray array = Npy.Read(spec);
            if (array.WasVector)
            {
                vectors.Add(name);
            }
            return array.ToMatrix();
        }
        Match m = InitPattern().Match(spec);
        if (!m.Success)
        {
            throw new UsageException($"--init {name}= expects RxC:KIND[*SCALE] with KIND randn,"
                + " rand, zeros, ones or a number (such as 25x64:randn*0.01), or FILE.npy;"
                + $" got '{spec}'");
        }
        int rows = Count(name, m.Groups["rows"].Value);
        int columns = Count(name, m.Groups["cols"].Value);
        Group scaleText = m.Groups["scale"];
        double scale = scaleText.Success ? Arguments.Number(name, scaleText.Value) : 1;
        Func<double> draw = Kind(name, m.Groups["kind"].Value, random);
        return Matrix<double>.Build.Dense(rows, columns, (_, _) => scale * draw());
    }

    private static Func<double> Kind(string name, string kind, Random random) => kind switch
    {
        "randn" => () => Normal.Sample(random, 0, 1),
        "rand" => random.NextDouble,
        "zeros" => () => 0,
        "ones" => () => 1,
        _ => Constant(Arguments.Number(name, kind)),
    };

    private static Func<double> Constant(double value) => () => value;

    private static int Count(string name, string text)
    {
        if (!int.TryParse(text, NumberStyles.None, Invariant, out int n) || n < 1)
        {
            throw new UsageException($"--init {name}= needs sizes of at least 1, got '{text}'");
        }
        return n;
    }

    [GeneratedRegex(@"^\s*(?<rows>[0-9]+)\s*[x,]\s*(?<cols>[0-9]+)\s*:"
        + @"\s*(?<kind>randn|rand|zeros|ones|[-+0-9.eE]+)\s*(\*\s*(?<scale>[-+0-9.eE]+))?\s*$")]
    private static partial Regex InitPattern();

    // One run: the problem, the progress lines, the summary and the files.
    private sealed class Run(
        Objective f, string[] names, Dictionary<string, Matrix<double>> starts,
        Dictionary<string, NpyArray> arrays, TextWriter output)
    {
        public bool UseNewtonCg { get; init; }

        public int Execute(int iterations, string outDir, HashSet<string> vectors)
        {
            if (names.Length == 0)
            {
                throw new UsageException("nothing to optimise: name the variables with --wrt"
                    + " and give each a starting value with --init NAME=RxC:randn*0.01");
            }
            foreach (string name in names.Where(n => !starts.ContainsKey(n)))
            {
                throw new UsageException($"--wrt names '{name}' but no --init gives its starting"
                    + $" value; add --init {name}=RxC:randn*0.01");
            }
            var layout = ParameterLayout.Of(starts, names);
            var data = arrays
                .Where(a => f.Variables.ContainsKey(a.Key) && !starts.ContainsKey(a.Key))
                .ToDictionary(a => a.Key, a => a.Value.ToMatrix());
            var options = new MinimizerOptions
            {
                MaxIterations = iterations,
                OnIteration = Progress,
            };

            MinimizerResult result = UseNewtonCg
                ? NewtonCg.Minimize(f, layout, data, layout.Pack(starts), options)
                : Lbfgs.Minimize(FlatObjective.Create(f, layout, data), layout.Pack(starts), options);

            Summary(result);
            Save(layout, result.Theta, outDir, vectors);
            return result.Reason == StopReason.NonFinite ? NotFinite : 0;
        }

        private void Progress(IterationInfo i) => output.WriteLine(string.Create(Invariant,
            $"iteration {i.Iteration,4}  value {i.Value,-14:G10}  |gradient| "
            + $"{i.GradientNorm:0.00e+00}  {i.Elapsed.TotalSeconds:F2} s"));

        private void Summary(MinimizerResult r)
        {
            output.WriteLine($"stopped ({r.Reason.ToString().ToLowerInvariant()}): {r.Message}");
            output.WriteLine(string.Create(Invariant, $"iterations: {r.Iterations},"
                + $" evaluations: {r.Evaluations}, time: {r.Elapsed.TotalSeconds:F2} s"));
            output.WriteLine($"final value: {Syntax.Printer.FormatNumber(r.Value)}");
        }

        private void Save(
            ParameterLayout layout, double[] theta, string outDir, HashSet<string> vectors)
        {
            Directory.CreateDirectory(outDir);
            foreach (ParameterSlot slot in layout.Slots)
            {
                string path = Path.Combine(outDir, slot.Name + ".npy");
                Npy.Write(path, slot.Of(theta).ToArray(), slot.Rows, slot.Columns,
                    asVector: vectors.Contains(slot.Name));
                output.WriteLine($"wrote {path} ({slot.Rows}x{slot.Columns})");
            }
        }
    }
}

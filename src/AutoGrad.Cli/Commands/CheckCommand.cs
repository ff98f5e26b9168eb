using System.CommandLine;
using System.Globalization;
using AutoGrad.Graph;
using AutoGrad.IO;
using AutoGrad.Optimization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Cli.Commands;

/// <summary>
/// <c>autograd check OBJECTIVE [--data NAME=FILE.npy]... [--set NAME=NUMBER]... [--wrt NAMES]
/// [--seed N] [--tolerance X]</c>: compares the compiled gradient with central differences,
/// on the given data and on small random values for every other variable (named sizes drawn
/// from 2 to 5), and exits 1 when a gradient is wrong.
/// </summary>
internal static class CheckCommand
{
    /// <summary>The exit code for a gradient that disagrees with central differences.</summary>
    public const int GradientWrong = 1;

    private const int SmallestSize = 2;
    private const int LargestSize = 5;

    public static Command Create(TextWriter output)
    {
        var objective = CommonOptions.Objective();
        var data = CommonOptions.Data();
        var set = CommonOptions.Set();
        var wrt = CommonOptions.Wrt("Variables to check, comma-separated (default: all).");
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the random data.",
            DefaultValueFactory = _ => 1,
        };
        var tolerance = new Option<double>("--tolerance")
        {
            Description = "Largest relative error that passes.",
            DefaultValueFactory = _ => 1e-6,
        };
        var command = new Command("check", "Compare the gradient with central differences.")
        {
            objective, data, set, wrt, seed, tolerance,
        };
        command.SetAction(parsed =>
        {
            var options = new ObjectiveOptions { UndeclaredAreScalars = true };
            Dictionary<string, NpyArray> arrays = Arguments.Data(parsed.GetValue(data), options);
            Arguments.Constants(parsed.GetValue(set), options);
            var f = Objective.Parse(Arguments.ObjectiveText(parsed.GetValue(objective)!), options);
            int drawSeed = parsed.GetValue(seed);
            var check = new Check(f, arrays, drawSeed, parsed.GetValue(tolerance), output);
            return check.Run(Arguments.Names(parsed.GetValue(wrt)));
        });
        return command;
    }

    // One check: the sizes and random values it draws, the report, and the lines it prints.
    private sealed class Check(Objective f, Dictionary<string, NpyArray> arrays, int seed,
        double tolerance, TextWriter output)
    {
        private readonly Random _random = new(seed);
        private readonly string[] _variables = [.. f.Variables.Keys.Order(StringComparer.Ordinal)];

        public int Run(string[] wrt)
        {
            string[] names = wrt.Length > 0 ? wrt : _variables;
            foreach (string name in names.Where(n => !f.Variables.ContainsKey(n)))
            {
                throw new UsageException($"--wrt names '{name}', which is not a variable of the"
                    + $" objective (its variables are {string.Join(", ", _variables)})");
            }
            Dictionary<string, int> sizes = Sizes();
            PrintInputs(sizes);

            Dictionary<string, Matrix<double>> values = Values(sizes, Gaussian);
            GradientCheckReport report = Report(names, values);
            if (!double.IsFinite(report.Value) && values.Count > arrays.Count)
            {
                output.WriteLine("the value is not finite on normal random values; "
                    + "checking again on values from 0.5 to 1.5");
                report = Report(names, Values(sizes, Positive));
            }
            return Print(report);
        }

        private GradientCheckReport Report(
            string[] names, Dictionary<string, Matrix<double>> values)
        {
            var layout = ParameterLayout.Of(values, names);
            var bound = values.Where(v => !names.Contains(v.Key)).ToDictionary();
            var problem = FlatObjective.Create(f, layout, bound);
            var options = new GradientCheckOptions { Tolerance = tolerance, Seed = seed };
            return GradientCheck.Run(problem, layout.Pack(values), options);
        }

        // The named sizes: those the data shows, the others drawn small.
        private Dictionary<string, int> Sizes()
        {
            var sizes = new Dictionary<string, int>();
            foreach (var (name, array) in arrays.Where(a => f.Variables.ContainsKey(a.Key)))
            {
                Shape declared = f.Variables[name];
                Learn(declared.Rows, array.Rows, sizes);
                Learn(declared.Cols, array.Columns, sizes);
            }
            foreach (string dim in f.Dimensions.Where(d => !sizes.ContainsKey(d)))
            {
                sizes[dim] = _random.Next(SmallestSize, LargestSize + 1);
            }
            return sizes;
        }

        private static void Learn(Dim dim, int actual, Dictionary<string, int> sizes)
        {
            if (!dim.IsKnown && dim.Coefficient == 1 && !dim.Symbols.Contains('*'))
            {
                sizes.TryAdd(dim.Symbols, actual);
            }
        }

        private Dictionary<string, Matrix<double>> Values(
            Dictionary<string, int> sizes, Func<Random, double> draw)
        {
            var values = new Dictionary<string, Matrix<double>>();
            foreach (var (name, shape) in f.Variables.OrderBy(v => v.Key, StringComparer.Ordinal))
            {
                values[name] = arrays.TryGetValue(name, out NpyArray? array)
                    ? array.ToMatrix()
                    : Matrix<double>.Build.Dense(Size(shape.Rows, sizes), Size(shape.Cols, sizes),
                        (_, _) => draw(_random));
            }
            return values;
        }

        private static int Size(Dim dim, Dictionary<string, int> sizes) =>
            (int)dim.Evaluate(s => sizes[s]);

        private static double Gaussian(Random random) => Normal.Sample(random, 0, 1);

        private static double Positive(Random random) => 0.5 + random.NextDouble();

        private void PrintInputs(Dictionary<string, int> sizes)
        {
            var parts = f.Variables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v =>
                arrays.TryGetValue(v.Key, out NpyArray? a)
                    ? $"{v.Key} {a.Rows}x{a.Columns} from data"
                    : $"{v.Key} {Size(v.Value.Rows, sizes)}x{Size(v.Value.Cols, sizes)} random");
            output.WriteLine($"inputs: {string.Join(", ", parts)} (seed {seed})");
        }

        private int Print(GradientCheckReport report)
        {
            if (!double.IsFinite(report.Value))
            {
                output.WriteLine($"failed: {report.FirstNonFinite}");
                return GradientWrong;
            }
            foreach (VariableCheck v in report.Variables)
            {
                output.WriteLine(Line(v, report));
            }
            int wrong = report.Variables.Count(v => !v.Passed(tolerance));
            output.WriteLine(wrong == 0
                ? "passed: every gradient agrees with central differences within "
                    + Number(tolerance)
                : $"failed: {wrong} of {report.Variables.Count} gradients disagree with central"
                    + $" differences (tolerance {Number(tolerance)})");
            return wrong == 0 ? 0 : GradientWrong;
        }

        private string Line(VariableCheck v, GradientCheckReport report)
        {
            if (v.NonFinite is not null)
            {
                return $"d/d{v.Name}  not finite: {v.NonFinite}";
            }
            string error = v.MaxRelativeError.ToString("0.0e+00", CultureInfo.InvariantCulture);
            string head = $"d/d{v.Name}  max relative error {error}";
            if (v.Passed(tolerance))
            {
                string kind = report.ByDirections ? "direction" : "coordinate";
                return $"{head}  ok ({v.Probes} {kind}{(v.Probes == 1 ? "" : "s")})";
            }
            string at = v.Worst is { } w ? $" at {v.Name}({w.Row + 1},{w.Column + 1})" : "";
            return $"{head}  WRONG{at}: compiled {Number(v.Analytic)},"
                + $" central difference {Number(v.Numeric)}";
        }

        private static string Number(double value) =>
            value.ToString("G6", CultureInfo.InvariantCulture);
    }
}

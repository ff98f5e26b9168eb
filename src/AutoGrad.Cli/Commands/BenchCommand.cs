using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AutoGrad.Graph;
using AutoGrad.IO;
using AutoGrad.Syntax;

namespace AutoGrad.Cli.Commands;

/// <summary>
/// <c>autograd bench OBJECTIVE [--data NAME=FILE.npy]... [--set NAME=NUMBER]...
/// [--shape NAME=RxC]... [--wrt NAMES] [--seconds S]</c>: times the compiled value and gradients
/// through the array overload, on the given data or on random data of the given shapes. The
/// last line, <c>median_us=... allocated_bytes_per_call=... gemm_calls=...</c>, is read by
/// tooling outside the repository: keep its format.
/// </summary>
internal static class BenchCommand
{
    private const double DefaultSeconds = 1.0;

    // The timed part is cut into about this many batches; the median is taken over them.
    private const int TargetBatches = 20;
    private const int MinBatches = 3;
    private const int RandomSeed = 1;

    public static Command Create(TextWriter output)
    {
        var objective = CommonOptions.Objective();
        var data = CommonOptions.Data();
        var set = CommonOptions.Set();
        var shapes = new Option<string[]>("--shape")
        {
            Description = "Random data in (0, 1] of this shape for NAME (NAME=RxC, numbers).",
        };
        var wrt = CommonOptions.Wrt("Variables to differentiate, comma-separated.");
        var seconds = new Option<double>("--seconds")
        {
            Description = "How long to time, in seconds (after a warm-up of a tenth of it).",
            DefaultValueFactory = _ => DefaultSeconds,
        };
        var command = new Command("bench", "Time the compiled value and gradients.")
        {
            objective, data, set, shapes, wrt, seconds,
        };
        command.SetAction(parsed =>
        {
            double budget = parsed.GetValue(seconds);
            if (!(budget > 0) || double.IsInfinity(budget))
            {
                string given = budget.ToString(CultureInfo.InvariantCulture);
                throw new UsageException($"--seconds expects a positive number, got '{given}'");
            }
            var inputs = new Inputs();
            inputs.AddData(Arguments.Pairs(parsed.GetValue(data), "--data"));
            inputs.AddShapes(Arguments.Pairs(parsed.GetValue(shapes), "--shape"));
            foreach (var (name, number) in Arguments.Pairs(parsed.GetValue(set), "--set"))
            {
                inputs.Options.Constants[name] = Arguments.Number(name, number);
            }
            string text = Arguments.ObjectiveText(parsed.GetValue(objective)!);
            CompiledObjective compiled = Objective.Parse(text, inputs.Options)
                .Compile(Arguments.Names(parsed.GetValue(wrt)));
            Run(compiled, inputs, budget, output);
            return 0;
        });
        return command;
    }

    private static void Run(CompiledObjective compiled, Inputs inputs, double seconds,
        TextWriter output)
    {
        Dictionary<string, int> dims = inputs.ResolveDims(compiled);
        double[][] arrays = inputs.Arrays(compiled, dims, output);
        double[][] gradients =
            [.. compiled.Wrt.Select(w => new double[arrays[IndexOf(compiled, w)].Length])];
        double value = compiled.Evaluate(arrays, gradients, dims);
        Timing timing = Measure(() => compiled.Evaluate(arrays, gradients, dims), seconds);

        output.WriteLine($"backend: {compiled.Backend}");
        output.WriteLine($"value: {Printer.FormatNumber(value)}");
        output.WriteLine(
            $"timed: {timing.Calls} calls in {timing.Batches} batches of {timing.BatchSize}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median_us={timing.MedianMicroseconds:0.###} "
            + $"allocated_bytes_per_call={timing.BytesPerCall:0.##} "
            + $"gemm_calls={compiled.MatrixProducts}"));
    }

    private static int IndexOf(CompiledObjective compiled, string name)
    {
        for (int i = 0; i < compiled.Variables.Count; i++)
        {
            if (compiled.Variables[i] == name)
            {
                return i;
            }
        }
        throw new UnreachableException($"'{name}' is in Wrt but not in Variables");
    }

    private readonly record struct Timing(
        double MedianMicroseconds, double BytesPerCall, long Calls, int Batches, int BatchSize);

    private static Timing Measure(Func<double> call, double seconds)
    {
        // Warm-up: sizes the work buffers, lets the JIT tier up, and estimates one call's time.
        long budget = (long)(seconds * Stopwatch.Frequency);
        long start = Stopwatch.GetTimestamp();
        long warmCalls = 0;
        do
        {
            call();
            warmCalls++;
        }
        while (Stopwatch.GetTimestamp() - start < budget / 10 || warmCalls < 2);
        double ticksPerCall = (double)(Stopwatch.GetTimestamp() - start) / warmCalls;
        int batchSize = (int)Math.Clamp(budget / TargetBatches / ticksPerCall, 1, int.MaxValue);

        var perCall = new List<double>(4 * TargetBatches);
        long bytes = 0;
        start = Stopwatch.GetTimestamp();
        while (perCall.Count < MinBatches || Stopwatch.GetTimestamp() - start < budget)
        {
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            long batchStart = Stopwatch.GetTimestamp();
            for (int i = 0; i < batchSize; i++)
            {
                call();
            }
            long ticks = Stopwatch.GetTimestamp() - batchStart;
            bytes += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            perCall.Add(ticks * 1e6 / Stopwatch.Frequency / batchSize);
        }

        long calls = (long)perCall.Count * batchSize;
        return new Timing(Median(perCall), (double)bytes / calls, calls, perCall.Count, batchSize);
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int middle = values.Count / 2;
        return values.Count % 2 == 1
            ? values[middle]
            : (values[middle - 1] + values[middle]) / 2;
    }

    // The variables' data: read from .npy files, or random of a numeric --shape, or random of
    // a shape declared in the text whose named sizes the other variables fix.
    private sealed class Inputs
    {
        private readonly Dictionary<string, (int Rows, int Cols)> _given = [];
        private readonly Dictionary<string, (double[] Values, string Path)> _files = [];

        public ObjectiveOptions Options { get; } = new();

        public void AddData(IEnumerable<(string Name, string Path)> pairs)
        {
            foreach (var (name, path) in pairs)
            {
                NpyArray array = Npy.Read(path);
                _files[name] = (array.ColumnMajor, path);
                _given[name] = (array.Rows, array.Columns);
                Options.Shapes[name] = Shape.Of(array.Rows, array.Columns);
            }
        }

        public void AddShapes(IEnumerable<(string Name, string Text)> pairs)
        {
            foreach (var (name, text) in pairs)
            {
                if (_files.ContainsKey(name))
                {
                    throw new UsageException(
                        $"--shape {name}= and --data {name}= both give '{name}'; keep one");
                }
                Shape shape = Arguments.Shape(name, text);
                if (!shape.IsKnown)
                {
                    throw new UsageException(
                        $"--shape {name}= needs numbers to make random data, got '{text}'");
                }
                _given[name] = ((int)shape.Rows.Coefficient, (int)shape.Cols.Coefficient);
                Options.Shapes[name] = shape;
            }
        }

        /// <summary>Named sizes fixed by matching declared shapes to the given ones.</summary>
        public Dictionary<string, int> ResolveDims(CompiledObjective compiled)
        {
            var dims = new Dictionary<string, int>();
            for (int i = 0; i < compiled.Variables.Count; i++)
            {
                string name = compiled.Variables[i];
                if (_given.TryGetValue(name, out var size))
                {
                    Bind(dims, compiled.Shapes[i].Rows, size.Rows, name);
                    Bind(dims, compiled.Shapes[i].Cols, size.Cols, name);
                }
            }
            return dims;
        }

        public double[][] Arrays(CompiledObjective compiled, Dictionary<string, int> dims,
            TextWriter output)
        {
            var random = new Random(RandomSeed);
            var arrays = new double[compiled.Variables.Count][];
            var described = new List<string>();
            for (int i = 0; i < arrays.Length; i++)
            {
                string name = compiled.Variables[i];
                var (rows, cols) = _given.TryGetValue(name, out var size)
                    ? size : Resolve(name, compiled.Shapes[i], dims);
                bool fromFile = _files.TryGetValue(name, out var file);
                arrays[i] = fromFile ? file.Values : RandomArray(random, rows * cols);
                string source = fromFile ? "from " + file.Path : "random";
                described.Add($"{name} {rows}x{cols} {source}");
            }
            output.WriteLine($"inputs: {string.Join(", ", described)}");
            return arrays;
        }

        private static void Bind(Dictionary<string, int> dims, Dim dim, int size, string name)
        {
            if (dim.IsKnown || dim.Coefficient != 1 || dim.Symbols.Contains('*'))
            {
                return;
            }
            if (dims.TryGetValue(dim.Symbols, out int bound) && bound != size)
            {
                throw new UsageException(
                    $"the size '{dim.Symbols}' is {bound} from one input but {size} from '{name}'");
            }
            dims[dim.Symbols] = size;
        }

        private static (int Rows, int Cols) Resolve(string name, Shape shape,
            Dictionary<string, int> dims)
        {
            bool known = shape.Rows.SymbolList().Concat(shape.Cols.SymbolList())
                .All(dims.ContainsKey);
            if (!known)
            {
                throw new UsageException(
                    $"no data for '{name}' of shape {shape}: give --shape {name}=RxC "
                    + $"with numbers, or --data {name}=FILE.npy");
            }
            long Size(Dim dim) => dim.Evaluate(s => dims[s]);
            return ((int)Size(shape.Rows), (int)Size(shape.Cols));
        }

        // Entries in (0, 1]: positive, so sqrt, log and division stay defined.
        private static double[] RandomArray(Random random, int length)
        {
            var values = new double[length];
            for (int i = 0; i < length; i++)
            {
                values[i] = 1 - random.NextDouble();
            }
            return values;
        }
    }
}

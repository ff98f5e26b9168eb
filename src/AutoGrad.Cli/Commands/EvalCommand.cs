using System.CommandLine;
using AutoGrad.Graph;
using AutoGrad.IO;
using AutoGrad.Syntax;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Cli.Commands;

/// <summary>
/// <c>autograd eval OBJECTIVE [--data NAME=FILE.npy]... [--set NAME=NUMBER]... [--wrt NAMES]
/// [--out DIR]</c>: prints the value as the last line and writes each gradient to DIR/NAME.npy.
/// </summary>
internal static class EvalCommand
{
    public static Command Create(TextWriter output)
    {
        var objective = CommonOptions.Objective();
        var data = CommonOptions.Data();
        var set = CommonOptions.Set();
        var wrt = CommonOptions.Wrt("Variables to differentiate, comma-separated.");
        var outDir = new Option<string>("--out")
        {
            Description = "Folder for the gradients, NAME.npy each.",
            DefaultValueFactory = _ => ".",
        };
        var command = new Command("eval", "Evaluate an objective and its gradients on data.")
        {
            objective, data, set, wrt, outDir,
        };
        command.SetAction(parsed =>
        {
            var options = new ObjectiveOptions();
            var values = new Dictionary<string, Matrix<double>>();
            var vectors = new HashSet<string>();
            foreach (var (name, path) in Arguments.Pairs(parsed.GetValue(data), "--data"))
            {
                NpyArray array = Npy.Read(path);
                values[name] = array.ToMatrix();
                options.Shapes[name] = Shape.Of(array.Rows, array.Columns);
                if (array.WasVector)
                {
                    vectors.Add(name);
                }
            }
            foreach (var (name, text) in Arguments.Pairs(parsed.GetValue(set), "--set"))
            {
                options.Constants[name] = Arguments.Number(name, text);
            }
            var f = Objective.Parse(Arguments.ObjectiveText(parsed.GetValue(objective)!), options);
            string[] names = Arguments.Names(parsed.GetValue(wrt));
            var bound = values.Where(v => f.Variables.ContainsKey(v.Key)).ToDictionary();
            // Order the products for the sizes of this data, when the text declares named sizes.
            var sizes = f.SizesOf(bound.Select(b => (b.Key, b.Value.RowCount, b.Value.ColumnCount)));
            var (value, gradients) = f.WithSizeHints(sizes).Compile(names).EvaluateWithGradients(bound);
            if (names.Length > 0)
            {
                string dir = parsed.GetValue(outDir)!;
                Directory.CreateDirectory(dir);
                foreach (string name in names)
                {
                    Matrix<double> g = gradients[name];
                    Npy.Write(Path.Combine(dir, name + ".npy"), g.ToColumnMajorArray(),
                        g.RowCount, g.ColumnCount, asVector: vectors.Contains(name));
                }
            }
            output.WriteLine(Printer.FormatNumber(value));
            return 0;
        });
        return command;
    }
}

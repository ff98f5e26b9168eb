using System.CommandLine;
using AutoGrad.Cli.Training;

namespace AutoGrad.Cli.Commands;

/// <summary>
/// <c>autograd train EXAMPLE [--full] [--data PATH] [--iterations N] [--out DIR] [--seed N]
/// [--set NAME=NUMBER]...</c>: trains one of the example models of examples/ on Fashion-MNIST
/// by L-BFGS, printing one line per iteration and a summary, and writes the results (.npy)
/// and pictures (PNG) to DIR.
/// </summary>
internal static class TrainCommand
{
    private static readonly Dictionary<string, Func<TrainingOptions, int>> s_examples = new()
    {
        ["softmax"] = SoftmaxExample.Run,
        ["rica"] = RicaExample.Run,
        ["sparse-autoencoder"] = SparseAutoencoderExample.Run,
    };

    public static Command Create(TextWriter output)
    {
        var example = new Argument<string>("example")
        {
            Description = "The model: " + string.Join(", ", s_examples.Keys) + ".",
        };
        example.AcceptOnlyFromAmong([.. s_examples.Keys]);
        var full = new Option<bool>("--full")
        {
            Description = $"Train on the full set in {Locations.FullSet}.",
        };
        var data = new Option<string>("--data")
        {
            Description = "A folder holding Fashion-MNIST's four IDX files.",
        };
        var iterations = new Option<int?>("--iterations") { Description = "The most L-BFGS iterations." };
        var outDir = new Option<string>("--out") { Description = "Folder for the results (default out/EXAMPLE)." };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the starting point and the patches.",
            DefaultValueFactory = _ => 1,
        };
        var set = new Option<string[]>("--set") { Description = "Replace a constant (NAME=NUMBER)." };
        var command = new Command("train", "Train an example model on Fashion-MNIST (by default the shipped sample).")
        {
            example, full, data, iterations, outDir, seed, set,
        };
        command.SetAction(parsed =>
        {
            string name = parsed.GetValue(example)!;
            if (parsed.GetValue(iterations) is < 0 and int n)
            {
                throw new UsageException($"--iterations must be 0 or more, got {n}");
            }
            var constants = Arguments.Pairs(parsed.GetValue(set), "--set")
                .ToDictionary(p => p.Name, p => Arguments.Number(p.Name, p.Value));
            var options = new TrainingOptions(
                parsed.GetValue(full), parsed.GetValue(data), parsed.GetValue(iterations),
                parsed.GetValue(outDir) ?? Path.Combine("out", name), parsed.GetValue(seed),
                constants, output);
            return s_examples[name](options);
        });
        return command;
    }
}

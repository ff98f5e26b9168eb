using System.CommandLine;
using AutoGrad.Cli.Commands;

namespace AutoGrad.Cli;

/// <summary>The <c>autograd</c> command line.</summary>
public static class Program
{
    /// <summary>Exit code for an error in the user's input.</summary>
    public const int InputError = 2;

    /// <summary>Runs the command line with <paramref name="args"/>.</summary>
    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Runs the command line, writing to the given streams (for tests).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("AutoGrad: matrix objectives as text, compiled to value and gradient.");
        root.Subcommands.Add(DeriveCommand.Create(output));
        root.Subcommands.Add(EvalCommand.Create(output));
        root.Subcommands.Add(InfoCommand.Create(output));
        root.Subcommands.Add(BenchCommand.Create(output));
        root.Subcommands.Add(CheckCommand.Create(output));
        root.Subcommands.Add(MinimizeCommand.Create(output));
        root.Subcommands.Add(TrainCommand.Create(output));

        // OBJECTIVE may be @FILE, which is ours to read: no response-file expansion.
        var parsing = new ParserConfiguration { ResponseFileTokenReplacer = null };
        ParseResult parsed = root.Parse(args, parsing);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors)
            {
                error.WriteLine($"autograd: {Plain(e.Message)}");
            }
            return InputError;
        }
        // The library's errors are the user's mistakes: CommandRunner reports them without the
        // stack trace that System.CommandLine's own handler would print.
        var config = new InvocationConfiguration
        {
            Output = output,
            Error = error,
            EnableDefaultExceptionHandler = false,
        };
        return CommandRunner.Guard(() => parsed.Invoke(config), error);
    }

    // The parser names .NET types in its messages ("expected type 'System.Int32'"); say what
    // a user types instead.
    private static string Plain(string message) => message
        .Replace("'System.Nullable`1[System.Int32]'", "a whole number")
        .Replace("'System.Int32'", "a whole number")
        .Replace("'System.Nullable`1[System.Double]'", "a number")
        .Replace("'System.Double'", "a number")
        .Replace("expected type ", "");
}

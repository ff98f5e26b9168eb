using AutoGrad.Cli;

namespace AutoGrad.Tests.Cli;

/// <summary>What one run of the command line printed and returned.</summary>
/// <param name="ExitCode">0 on success, <see cref="Program.InputError"/> on a user error.</param>
/// <param name="Output">Everything written to standard output.</param>
/// <param name="Error">Everything written to standard error.</param>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    /// <summary>The lines of standard output, without the final line break.</summary>
    public string[] OutputLines => Output.TrimEnd('\n').Split('\n');

    /// <summary>Runs <c>autograd</c> in this process with <paramref name="args"/>.</summary>
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        int code = Program.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}

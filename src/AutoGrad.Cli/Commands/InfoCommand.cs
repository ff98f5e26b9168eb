using System.CommandLine;
using AutoGrad.Runtime;

namespace AutoGrad.Cli.Commands;

/// <summary><c>autograd info</c>: the version and the BLAS backend in use.</summary>
internal static class InfoCommand
{
    public static Command Create(TextWriter output)
    {
        var command = new Command("info", "Show the version and the BLAS backend in use.");
        command.SetAction(_ =>
        {
            output.WriteLine($"autograd {typeof(Objective).Assembly.GetName().Version}");
            output.WriteLine($"blas: {Blas.BackendName} (set AUTOGRAD_BLAS=managed or openblas to force one)");
            return 0;
        });
        return command;
    }
}

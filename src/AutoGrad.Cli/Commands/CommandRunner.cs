using AutoGrad.Diagnostics;

namespace AutoGrad.Cli.Commands;

/// <summary>
/// Turns the library's errors, and files that cannot be read or written, into a message on
/// standard error and exit code 2.
/// </summary>
internal static class CommandRunner
{
    public static int Guard(Func<int> run, TextWriter error)
    {
        try
        {
            return run();
        }
        catch (AutoGradException e)
        {
            error.WriteLine($"autograd: {e.Message}");
            return Program.InputError;
        }
        catch (UsageException e)
        {
            error.WriteLine($"autograd: {e.Message}");
            return Program.InputError;
        }
        // A file the user named cannot be read or written (--out is a file, no permission).
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"autograd: {e.Message}");
            return Program.InputError;
        }
    }
}

/// <summary>A mistake in the command line's arguments, found after parsing.</summary>
internal sealed class UsageException(string message) : Exception(message);

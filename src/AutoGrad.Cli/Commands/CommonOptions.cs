using System.CommandLine;

namespace AutoGrad.Cli.Commands;

/// <summary>The argument and options that several commands take, defined once.</summary>
internal static class CommonOptions
{
    /// <summary>OBJECTIVE: the text itself, or @FILE.</summary>
    public static Argument<string> Objective() =>
        new("objective") { Description = "The objective text, or @FILE." };

    /// <summary>--data NAME=FILE.npy, repeatable.</summary>
    public static Option<string[]> Data() =>
        new("--data") { Description = "Bind NAME to the array in FILE.npy (NAME=FILE)." };

    /// <summary>--set NAME=NUMBER, repeatable: a constant folded in at compile time.</summary>
    public static Option<string[]> Set() =>
        new("--set") { Description = "Bind NAME to a number folded in at compile time (NAME=NUMBER)." };

    /// <summary>--wrt NAME[,NAME...], repeatable.</summary>
    public static Option<string[]> Wrt(string description, bool required = false) =>
        new("--wrt") { Description = description, Required = required };
}

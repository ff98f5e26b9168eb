using AutoGrad.Cli.Commands;

namespace AutoGrad.Cli.Training;

/// <summary>
/// Where <c>autograd train</c> finds its objectives and its data: in the working folder or
/// one above it (a clone of the repository), or else in the copies built beside the program.
/// </summary>
internal static class Locations
{
    /// <summary>Where the Debian package <c>dataset-fashion-mnist</c> puts the full set.</summary>
    public const string FullSet = "/usr/share/datasets/fashion-mnist";

    /// <summary>The sample shipped with the repository, relative to its root.</summary>
    public const string Sample = "data/fashion-mnist-sample";

    /// <summary>The objective file of the example <paramref name="name"/>.</summary>
    public static string Example(string name) =>
        Find(Path.Combine("examples", name + ".ag"), File.Exists)
            ?? throw new UsageException($"cannot find examples/{name}.ag in this folder, above it,"
                + $" or beside the program ({AppContext.BaseDirectory})");

    /// <summary>The folder of the shipped Fashion-MNIST sample.</summary>
    public static string SampleFolder() =>
        Find(Sample, Directory.Exists)
            ?? throw new UsageException($"cannot find {Sample} in this folder, above it, or beside"
                + " the program; give the data's folder with --data PATH");

    // The working folder and its parents first, so that edits to a clone's files take effect.
    private static string? Find(string relative, Func<string, bool> exists)
    {
        string here = Directory.GetCurrentDirectory();
        for (var dir = new DirectoryInfo(here); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, relative);
            if (exists(candidate))
            {
                return Path.GetRelativePath(here, candidate);
            }
        }
        string beside = Path.Combine(AppContext.BaseDirectory, relative);
        return exists(beside) ? beside : null;
    }
}

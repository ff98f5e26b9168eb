using NUnit.Framework;

namespace AutoGrad.Tests;

/// <summary>Folders of the repository, found from wherever the test binaries run.</summary>
internal static class TestPaths
{
    private const string SolutionFile = "AutoGrad.sln";

    private static readonly Lazy<string> s_repoRoot = new(FindRepoRoot);
    private static readonly Lazy<string> s_sharedCases = new(FindSharedCases);

    /// <summary>The folder that holds AutoGrad.sln.</summary>
    internal static string RepoRoot => s_repoRoot.Value;

    /// <summary>
    /// The reference cases: <c>../shared/cases</c> beside the repository, or
    /// <c>shared/cases</c> inside it when the repository carries its own copy.
    /// </summary>
    internal static string SharedCases => s_sharedCases.Value;

    private static string FindRepoRoot()
    {
        string start = TestContext.CurrentContext.TestDirectory;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"no folder above '{start}' holds {SolutionFile}");
    }

    private static string FindSharedCases()
    {
        string[] candidates =
        [
            Path.Combine(RepoRoot, "..", "shared", "cases"),
            Path.Combine(RepoRoot, "shared", "cases"),
        ];
        foreach (string candidate in candidates)
        {
            if (Directory.Exists(candidate))
            {
                return Path.GetFullPath(candidate);
            }
        }
        throw new DirectoryNotFoundException(
            $"no shared/cases folder beside or inside the repository at '{RepoRoot}'");
    }
}

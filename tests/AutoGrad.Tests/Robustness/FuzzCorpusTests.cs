using AutoGrad.Fuzz;
using NUnit.Framework;

namespace AutoGrad.Tests.Robustness;

/// <summary>
/// Keeps the fuzz target (fuzz/AutoGrad.Fuzz) compiling and right: it runs over the seed
/// corpus without a crash, the corpus's objectives are valid except the ones named broken-*,
/// and it lets an AutoGradException pass while any other exception escapes.
/// </summary>
[TestFixture]
public sealed class FuzzCorpusTests
{
    private static string Corpus => Path.Combine(TestPaths.RepoRoot, "fuzz", "corpus");

    private static IEnumerable<TestCaseData> Seeds() => Directory
        .EnumerateFiles(Corpus, "*.txt")
        .Order(StringComparer.Ordinal)
        .Select(path => new TestCaseData(path).SetArgDisplayNames(Path.GetFileName(path)));

    [TestCaseSource(nameof(Seeds))]
    public void FuzzTarget_OnSeed_DoesNotCrash(string path)
    {
        Assert.DoesNotThrow(() => FuzzTarget.Run(File.ReadAllText(path)));
    }

    [TestCaseSource(nameof(Seeds))]
    public void Seed_ParsesUnlessNamedBroken(string path)
    {
        string text = File.ReadAllText(path);
        bool broken = Path.GetFileName(path).StartsWith("broken-", StringComparison.Ordinal);

        var options = new ObjectiveOptions { UndeclaredAreScalars = true };

        if (broken)
        {
            Assert.Throws<Diagnostics.AutoGradException>(() => Objective.Parse(text, options));
            return;
        }
        Assert.DoesNotThrow(() => Objective.Parse(text, options));
    }

    [Test]
    public void Corpus_HasAHandfulOfSeeds()
    {
        Assert.That(Seeds().Count(), Is.GreaterThanOrEqualTo(5));
    }

    [Test]
    public void FuzzTarget_OnBadBytes_AnswersWithAutoGradExceptionsOnly()
    {
        byte[] data = [0xff, 0xfe, (byte)'x', (byte)'+', 0xc3];

        Assert.DoesNotThrow(() => FuzzTarget.Run(data));
    }
}

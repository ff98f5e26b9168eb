using AutoGrad.IO;
using NUnit.Framework;

namespace AutoGrad.Tests.Cli;

/// <summary>
/// <c>autograd train</c> on the shipped sample, a few iterations each: the progress lines, the
/// summary, and the files it writes; and the mistakes a user can make on its command line.
/// </summary>
[TestFixture]
public sealed class TrainCommandTests
{
    private static readonly byte[] s_pngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    [Test]
    public void Train_Softmax_ReportsBothAccuraciesAndWritesItsFiles()
    {
        string dir = OutDir("softmax");

        var run = CliRun.Of("train", "softmax", "--iterations", "3", "--out", dir);

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.OutputLines.Count(l => l.StartsWith("iteration ")), Is.EqualTo(4));
        Assert.That(run.Output,
            Does.Contain("sizes: k = 10, n = 785, m = 4000; 7850 parameters (theta); backend: "));
        Assert.That(run.Output, Does.Contain("stopped (iterations): reached the limit of 3 iterations"));
        Assert.That(run.OutputLines.Single(l => l.StartsWith("iterations: ")),
            Does.StartWith("iterations: 3,"));
        Assert.That(run.OutputLines, Has.One.Match(@"^training accuracy: 0\.\d{4} \(\d+ of 4000\)$"));
        Assert.That(run.OutputLines, Has.One.Match(@"^test accuracy: 0\.\d{4} \(\d+ of 1000\)$"));
        AssertNpy(Path.Combine(dir, "theta.npy"), 10, 785);
        AssertPng(Path.Combine(dir, "loss.png"));
        AssertPng(Path.Combine(dir, "weights.png"));
    }

    [Test]
    public void Train_Rica_WritesFiltersAndLossCurve()
    {
        string dir = OutDir("rica");

        var run = CliRun.Of("train", "rica", "--iterations", "1", "--out", dir, "--seed", "7");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("rica.ag (lambda = 0.1, eps = 0.01)"));
        Assert.That(run.Output,
            Does.Contain("sizes: k = 64, n = 64, m = 10000; 4096 parameters (W); backend: "));
        AssertNpy(Path.Combine(dir, "W.npy"), 64, 64);
        AssertPng(Path.Combine(dir, "filters.png"));
        AssertPng(Path.Combine(dir, "loss.png"));
    }

    [Test]
    public void Train_SparseAutoencoder_WritesEachParameterAndTheFilters()
    {
        string dir = OutDir("sparse-autoencoder");

        var run = CliRun.Of("train", "sparse-autoencoder", "--iterations", "1", "--out", dir,
            "--set", "beta=1");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.Contain("(lambda = 0.0001, rho = 0.01, beta = 1)"));
        AssertNpy(Path.Combine(dir, "W1.npy"), 25, 64);
        AssertNpy(Path.Combine(dir, "W2.npy"), 64, 25);
        AssertNpy(Path.Combine(dir, "b1.npy"), 25, 1);
        AssertNpy(Path.Combine(dir, "b2.npy"), 64, 1);
        AssertPng(Path.Combine(dir, "filters.png"));
    }

    [Test]
    public void Train_MissingDataFolder_SaysSo()
    {
        var run = CliRun.Of("train", "softmax", "--data", "no/such/folder");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Is.EqualTo("autograd: --data: no folder 'no/such/folder'\n"));
    }

    [Test]
    public void Train_FolderWithoutIdxFiles_NamesTheFilesItNeeds()
    {
        string dir = OutDir("empty-data");

        var run = CliRun.Of("train", "softmax", "--data", dir);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Is.EqualTo($"autograd: '{dir}' has neither train-images-idx3-ubyte.gz"
            + " nor train-images-idx3-ubyte; a Fashion-MNIST folder holds train-images-idx3-ubyte,"
            + " train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, each raw"
            + " or .gz\n"));
    }

    [Test]
    public void Train_UnknownExample_ListsTheExamples()
    {
        var run = CliRun.Of("train", "mnist");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error,
            Does.Contain("'mnist'").And.Contain("softmax").And.Contain("sparse-autoencoder"));
    }

    [Test]
    public void Train_NegativeIterations_IsAUsageError()
    {
        var run = CliRun.Of("train", "rica", "--iterations", "-1");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Is.EqualTo("autograd: --iterations must be 0 or more, got -1\n"));
    }

    [Test]
    public void Train_SetOfAnUnknownConstant_ListsTheExamplesConstants()
    {
        var run = CliRun.Of("train", "rica", "--set", "gamma=2");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Match(
            @"^autograd: --set gamma: \S*rica\.ag has no constant 'gamma' \(its constants are lambda, eps\)\n$"));
    }

    private static string OutDir(string name)
    {
        string dir = Path.Combine(TestContext.CurrentContext.WorkDirectory, "train-tests", name);
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, true);
        }
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static void AssertNpy(string path, int rows, int columns)
    {
        NpyArray array = Npy.Read(path);
        Assert.That((array.Rows, array.Columns), Is.EqualTo((rows, columns)), path);
        Assert.That(array.ColumnMajor.All(double.IsFinite), Is.True, path);
    }

    private static void AssertPng(string path)
    {
        Assert.That(File.Exists(path), Is.True, path);
        Assert.That(File.ReadAllBytes(path).Take(4), Is.EqualTo(s_pngSignature), path);
    }
}

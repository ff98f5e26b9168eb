using AutoGrad.Cli.Commands;
using AutoGrad.IO;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Cli.Training;

/// <summary>
/// Fashion-MNIST (Zalando Research, MIT licence): 28 x 28 grey images of clothing in ten
/// classes, read from the four IDX files of a folder, gzip or raw.
/// </summary>
internal sealed record FashionMnist(
    string Folder,
    IdxImages TrainImages,
    int[] TrainLabels,
    IdxImages TestImages,
    int[] TestLabels)
{
    /// <summary>The number of classes.</summary>
    public const int Classes = 10;

    /// <summary>The data <paramref name="options"/> asks for: --data, --full, or the sample.</summary>
    public static FashionMnist Load(TrainingOptions options)
    {
        string folder = options.DataPath
            ?? (options.Full ? FullSetFolder() : Locations.SampleFolder());
        if (!Directory.Exists(folder))
        {
            throw new UsageException($"--data: no folder '{folder}'");
        }

        IdxImages trainImages = Idx.ReadImages(FileIn(folder, "train-images-idx3-ubyte"));
        int[] trainLabels = Idx.ReadLabels(FileIn(folder, "train-labels-idx1-ubyte"));
        IdxImages testImages = Idx.ReadImages(FileIn(folder, "t10k-images-idx3-ubyte"));
        int[] testLabels = Idx.ReadLabels(FileIn(folder, "t10k-labels-idx1-ubyte"));
        CheckCounts(folder, "training", trainImages.Count, trainLabels.Length);
        CheckCounts(folder, "test", testImages.Count, testLabels.Length);
        return new FashionMnist(folder, trainImages, trainLabels, testImages, testLabels);
    }

    /// <summary>A <c>Classes x m</c> matrix with a 1 in row <c>labels[j]</c> of column j.</summary>
    public static Matrix<double> OneHot(int[] labels) =>
        Matrix<double>.Build.Dense(Classes, labels.Length, (c, j) => c == labels[j] ? 1 : 0);

    private static string FullSetFolder() =>
        Directory.Exists(Locations.FullSet)
            ? Locations.FullSet
            : throw new UsageException($"--full reads {Locations.FullSet}, which does not"
                + " exist: install the Debian package dataset-fashion-mnist, or give the folder"
                + " with --data PATH");

    private static string FileIn(string folder, string stem)
    {
        string zipped = Path.Combine(folder, stem + ".gz");
        string raw = Path.Combine(folder, stem);
        return File.Exists(zipped) ? zipped
            : File.Exists(raw) ? raw
            : throw new UsageException($"'{folder}' has neither {stem}.gz nor {stem};"
                + " a Fashion-MNIST folder holds train-images-idx3-ubyte,"
                + " train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte,"
                + " each raw or .gz");
    }

    private static void CheckCounts(string folder, string set, int images, int labels)
    {
        if (images != labels)
        {
            throw new UsageException(
                $"'{folder}' holds {images} {set} images but {labels} {set} labels");
        }
    }
}

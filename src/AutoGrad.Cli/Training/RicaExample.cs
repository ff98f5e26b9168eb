using AutoGrad.Optimization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Cli.Training;

/// <summary>
/// <c>autograd train rica</c>: reconstruction ICA (examples/rica.ag) on ZCA-whitened 8 x 8
/// patches cut from the training images; draws the learned filters and the loss curve.
/// </summary>
internal static class RicaExample
{
    private const int DefaultIterations = 200;
    private const int PatchSize = 8;
    private const int PatchCount = 10000;
    private const int Filters = 64;
    private const double Lambda = 0.1;
    private const double Smoothing = 1e-2;
    private const double Whitening = 1e-2;
    private const double StartScale = 0.1;

    public static int Run(TrainingOptions options)
    {
        var trainer = new Trainer(options);
        var constants = new Dictionary<string, double> { ["lambda"] = Lambda, ["eps"] = Smoothing };
        Objective f = trainer.Load("rica", constants);
        FashionMnist data = FashionMnist.Load(options);
        var random = new Random(options.Seed);
        Matrix<double> patches = Patches.Sample(data.TrainImages, PatchSize, PatchCount, random);
        Matrix<double> x = Patches.ZcaWhiten(patches, Whitening);
        trainer.Report($"data: {data.Folder}, {x.ColumnCount} ZCA-whitened {PatchSize}x{PatchSize}"
            + $" patches from {data.TrainImages.Count} training images");

        var layout = new ParameterLayout([("W", Filters, PatchSize * PatchSize)]);
        double[] start = [.. Normal.Samples(random, 0, StartScale).Take(layout.Length)];
        var inputs = new Dictionary<string, Matrix<double>> { ["x"] = x };
        MinimizerResult result = trainer.Minimize(f, layout, inputs, start, DefaultIterations);

        trainer.Summary(result);
        Matrix<double> w = layout.Unpack(result.Theta, "W");
        trainer.Save("W", w);
        trainer.Picture("filters.png", $"{Filters} filters, the rows of W",
            path => Pictures.FilterGrid(path, w, PatchSize, PatchSize));
        trainer.LossCurve("RICA on whitened Fashion-MNIST patches");
        return 0;
    }
}

using AutoGrad.Optimization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Cli.Training;

/// <summary>
/// <c>autograd train sparse-autoencoder</c>: UFLDL's sparse autoencoder
/// (examples/sparse-autoencoder.ag) on 8 x 8 patches scaled into [0.1, 0.9]; draws each hidden
/// unit's input weights and the loss curve.
/// </summary>
internal static class SparseAutoencoderExample
{
    private const int DefaultIterations = 400;
    private const int PatchSize = 8;
    private const int PatchCount = 10000;
    private const int Hidden = 25;
    private const double Lambda = 1e-4;
    private const double Rho = 0.01;
    private const double Beta = 3;

    public static int Run(TrainingOptions options)
    {
        var trainer = new Trainer(options);
        var constants = new Dictionary<string, double>
        {
            ["lambda"] = Lambda,
            ["rho"] = Rho,
            ["beta"] = Beta,
        };
        Objective f = trainer.Load("sparse-autoencoder", constants);
        FashionMnist data = FashionMnist.Load(options);
        var random = new Random(options.Seed);
        Matrix<double> x = Patches.ToSigmoidRange(
            Patches.Sample(data.TrainImages, PatchSize, PatchCount, random));
        trainer.Report($"data: {data.Folder}, {x.ColumnCount} {PatchSize}x{PatchSize} patches"
            + $" from {data.TrainImages.Count} training images, scaled into [0.1, 0.9]");

        int n = PatchSize * PatchSize;
        var layout = new ParameterLayout(
            [("W1", Hidden, n), ("W2", n, Hidden), ("b1", Hidden, 1), ("b2", n, 1)]);
        double[] start = Start(layout, random);
        var inputs = new Dictionary<string, Matrix<double>> { ["x"] = x };
        MinimizerResult result = trainer.Minimize(f, layout, inputs, start, DefaultIterations);

        trainer.Summary(result);
        var found = layout.Unpack(result.Theta);
        foreach (string name in layout.Names)
        {
            trainer.Save(name, found[name]);
        }
        trainer.Picture("filters.png", $"{Hidden} hidden units' input weights, the rows of W1",
            path => Pictures.FilterGrid(path, found["W1"], PatchSize, PatchSize));
        trainer.LossCurve("sparse autoencoder on Fashion-MNIST patches");
        return 0;
    }

    // UFLDL's initializeParameters: weights uniform in +-sqrt(6 / (n + h + 1)), biases zero.
    private static double[] Start(ParameterLayout layout, Random random)
    {
        var theta = new double[layout.Length];
        double r = Math.Sqrt(6.0 / (PatchSize * PatchSize + Hidden + 1));
        foreach (string name in new[] { "W1", "W2" })
        {
            ParameterSlot slot = layout[name];
            double[] weights = [.. ContinuousUniform.Samples(random, -r, r).Take(slot.Length)];
            weights.CopyTo(slot.Of(theta));
        }
        return theta;
    }
}

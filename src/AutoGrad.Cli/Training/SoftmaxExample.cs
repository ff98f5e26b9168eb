using System.Globalization;
using AutoGrad.Optimization;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Cli.Training;

/// <summary>
/// <c>autograd train softmax</c>: softmax regression (examples/softmax.ag) on Fashion-MNIST's
/// pixels plus a constant 1 for the bias, reporting training and test accuracy.
/// </summary>
internal static class SoftmaxExample
{
    private const int DefaultIterations = 150;
    private const double Lambda = 1e-3;
    private const double StartScale = 0.005;

    public static int Run(TrainingOptions options)
    {
        var trainer = new Trainer(options);
        var constants = new Dictionary<string, double> { ["lambda"] = Lambda };
        Objective f = trainer.Load("softmax", constants);
        FashionMnist data = FashionMnist.Load(options);
        Matrix<double> x = WithBias(data.TrainImages.Pixels);
        trainer.Report($"data: {data.Folder}, {data.TrainImages.Count} training and"
            + $" {data.TestImages.Count} test images");

        var layout = new ParameterLayout([("theta", FashionMnist.Classes, x.RowCount)]);
        var random = new Random(options.Seed);
        double[] start = [.. Normal.Samples(random, 0, StartScale).Take(layout.Length)];
        var inputs = new Dictionary<string, Matrix<double>>
        {
            ["x"] = x,
            ["Y"] = FashionMnist.OneHot(data.TrainLabels),
        };
        MinimizerResult result = trainer.Minimize(f, layout, inputs, start, DefaultIterations);

        trainer.Summary(result);
        Matrix<double> theta = layout.Unpack(result.Theta, "theta");
        Accuracy(options.Output, "training", theta, x, data.TrainLabels);
        Accuracy(options.Output, "test", theta, WithBias(data.TestImages.Pixels), data.TestLabels);
        trainer.Save("theta", theta);
        trainer.LossCurve("softmax regression on Fashion-MNIST");
        trainer.Picture("weights.png", "each class's pixel weights", path => Pictures.FilterGrid(
            path, theta.SubMatrix(0, theta.RowCount, 0, theta.ColumnCount - 1),
            data.TrainImages.Height, data.TrainImages.Width));
        return 0;
    }

    // The pixels with a row of ones below, so that the last column of theta is the bias.
    private static Matrix<double> WithBias(Matrix<double> pixels) =>
        pixels.Stack(Matrix<double>.Build.Dense(1, pixels.ColumnCount, 1));

    private static void Accuracy(
        TextWriter output, string set, Matrix<double> theta, Matrix<double> x, int[] labels)
    {
        Matrix<double> scores = theta * x;
        int right = Enumerable.Range(0, labels.Length)
            .Count(j => scores.Column(j).MaximumIndex() == labels[j]);
        double accuracy = (double)right / labels.Length;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{set} accuracy: {accuracy:F4} ({right} of {labels.Length})"));
    }
}

using AutoGrad.IO;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Statistics;

namespace AutoGrad.Cli.Training;

/// <summary>
/// Square patches cut from images, one per column with its pixels row by row, and the two
/// preparations UFLDL gives them: ZCA whitening (for RICA) and scaling into [0.1, 0.9] (for
/// the sparse autoencoder, whose sigmoid outputs cannot reach 0 or 1).
/// </summary>
internal static class Patches
{
    // Fashion-MNIST is mostly flat background: a patch whose pixels vary less than this (as a
    // standard deviation on the [0, 1] scale) has no edge to learn from, so it is skipped.
    private const double FlatLimit = 0.05;
    private const int TriesPerPatch = 100;

    /// <summary>
    /// <paramref name="count"/> patches of <paramref name="size"/> x <paramref name="size"/>
    /// pixels from random places of random images, skipping flat ones.
    /// </summary>
    public static Matrix<double> Sample(IdxImages images, int size, int count, Random random)
    {
        var x = Matrix<double>.Build.Dense(size * size, count);
        var patch = new double[size * size];
        int filled = 0;
        for (int tries = 0; filled < count && tries < TriesPerPatch * count; tries++)
        {
            Cut(images, random.Next(images.Count), random.Next(images.Height - size + 1),
                random.Next(images.Width - size + 1), size, patch);
            if (patch.StandardDeviation() >= FlatLimit)
            {
                x.SetColumn(filled++, patch);
            }
        }
        return filled == count ? x : x.SubMatrix(0, x.RowCount, 0, filled);
    }

    /// <summary>
    /// ZCA whitening: with each pixel's mean over the patches removed, and <c>U diag(s) U'</c>
    /// the covariance <c>x x' / m</c>, returns <c>U diag(1 ./ sqrt(s + epsilon)) U' x</c>. It
    /// decorrelates the pixels and evens out their variance, while staying as close to the
    /// original patches as whitening can; epsilon keeps the faintest directions from
    /// swamping the rest.
    /// </summary>
    public static Matrix<double> ZcaWhiten(Matrix<double> patches, double epsilon)
    {
        Vector<double> pixelMeans = patches.RowSums() / patches.ColumnCount;
        Matrix<double> x = patches - Matrix<double>.Build.Dense(
            patches.RowCount, patches.ColumnCount, (i, _) => pixelMeans[i]);
        Matrix<double> covariance = x * x.Transpose() / x.ColumnCount;
        var eigen = covariance.Evd(Symmetricity.Symmetric);
        Matrix<double> u = eigen.EigenVectors;
        var scale = Matrix<double>.Build.DiagonalOfDiagonalVector(
            eigen.EigenValues.Map(s => 1 / Math.Sqrt(s.Real + epsilon)));
        return u * scale * u.Transpose() * x;
    }

    /// <summary>
    /// UFLDL's normalizeData: removes each patch's mean, clips at three standard deviations of
    /// all pixels, and maps [-3 sd, 3 sd] onto [0.1, 0.9].
    /// </summary>
    public static Matrix<double> ToSigmoidRange(Matrix<double> x)
    {
        Matrix<double> centred = x - Means(x);
        double limit = 3 * centred.Enumerate().StandardDeviation();
        return centred.Map(v => 0.1 + 0.8 * (Math.Clamp(v, -limit, limit) + limit) / (2 * limit));
    }

    // Each patch's mean brightness (UFLDL: its DC component), repeated down its column.
    private static Matrix<double> Means(Matrix<double> x)
    {
        Vector<double> means = x.ColumnSums() / x.RowCount;
        return Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (_, j) => means[j]);
    }

    private static void Cut(IdxImages images, int image, int top, int left, int size, double[] patch)
    {
        for (int r = 0; r < size; r++)
        {
            for (int c = 0; c < size; c++)
            {
                patch[r * size + c] = images[image, top + r, left + c];
            }
        }
    }
}

using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.IO;

/// <summary>
/// Images read from an IDX file: one image per column of <see cref="Pixels"/>, each image's
/// pixels in the order the file stores them, row by row.
/// </summary>
public sealed class IdxImages
{
    internal IdxImages(int count, int height, int width, double[] columnMajor)
    {
        Debug.Assert(
            (long)count * height * width == columnMajor.Length,
            $"{count} images of {height}x{width} do not fit {columnMajor.Length} values");
        Count = count;
        Height = height;
        Width = width;
        Pixels = Matrix<double>.Build.Dense(height * width, count, columnMajor);
    }

    /// <summary>The number of images.</summary>
    public int Count { get; }

    /// <summary>The number of pixel rows of each image (28 in MNIST).</summary>
    public int Height { get; }

    /// <summary>The number of pixel columns of each image (28 in MNIST).</summary>
    public int Width { get; }

    /// <summary>
    /// The pixels, scaled from bytes 0..255 to [0, 1]: a <c>(Height * Width) x Count</c>
    /// matrix whose column <c>j</c> is image <c>j</c>, with pixel (r, c) (from 0, r down, c
    /// across) at row <c>r * Width + c</c>. The file's order is row-major, so in the objective
    /// language <c>reshape(x(:, j), Width, Height)'</c> gives the image upright.
    /// </summary>
    public Matrix<double> Pixels { get; }

    /// <summary>Pixel (row, column) of an image, all three counted from 0.</summary>
    public double this[int image, int row, int column] => Pixels[row * Width + column, image];
}

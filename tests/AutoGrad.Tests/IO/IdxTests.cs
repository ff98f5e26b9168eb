using System.Buffers.Binary;
using System.IO.Compression;
using AutoGrad.Diagnostics;
using AutoGrad.IO;
using NUnit.Framework;

namespace AutoGrad.Tests.IO;

/// <summary>
/// IDX reading: hand-built files, raw and gzip, every malformed input with its message, and
/// the Fashion-MNIST sample shipped in data/.
/// </summary>
[TestFixture]
public sealed class IdxTests
{
    private const string Name = "t.idx";
    private const string Prefix = "cannot read 't.idx' as IDX: ";

    // Two images of 2 x 3 pixels: image 0 counts up from 0, image 1 is 255 - that.
    private static readonly byte[] s_images =
        Idx3(0x08, 2, 2, 3, [0, 51, 102, 153, 204, 255, 255, 204, 153, 102, 51, 0]);

    private static readonly byte[] s_labels = [0, 0, 0x08, 1, 0, 0, 0, 4, 3, 0, 9, 1];

    [Test]
    public void ReadImages_Raw_PutsOneImagePerColumnInRowMajorOrder()
    {
        IdxImages images = Idx.ReadImages(new MemoryStream(s_images), Name);

        Assert.That((images.Count, images.Height, images.Width), Is.EqualTo((2, 2, 3)));
        Assert.That(images.Pixels.RowCount, Is.EqualTo(6));
        Assert.That(images.Pixels.ColumnCount, Is.EqualTo(2));
        Assert.That(images.Pixels.Column(0).ToArray(),
            Is.EqualTo(new[] { 0, 0.2, 0.4, 0.6, 0.8, 1.0 }).Within(1e-15));
        Assert.That(images[0, 1, 0], Is.EqualTo(0.6).Within(1e-15));
        Assert.That(images[1, 0, 2], Is.EqualTo(0.6).Within(1e-15));
    }

    [Test]
    public void ReadImages_Gzip_IsDetectedByItsMagicBytes()
    {
        IdxImages raw = Idx.ReadImages(new MemoryStream(s_images), Name);

        IdxImages zipped = Idx.ReadImages(new MemoryStream(Gzip(s_images)), Name);

        Assert.That(zipped.Pixels.ToColumnMajorArray(), Is.EqualTo(raw.Pixels.ToColumnMajorArray()));
    }

    [Test]
    public void ReadImages_StreamThatCannotSeek_StillDetectsGzip()
    {
        using var stream = new ForwardOnlyStream(Gzip(s_images));

        IdxImages images = Idx.ReadImages(stream, Name);

        Assert.That(images.Count, Is.EqualTo(2));
    }

    [Test]
    public void ReadLabels_UnsignedBytes_ReturnsThemInOrder()
    {
        Assert.That(Idx.ReadLabels(new MemoryStream(s_labels), Name), Is.EqualTo(new[] { 3, 0, 9, 1 }));
    }

    [Test]
    public void ReadLabels_BigEndianIntegers_AreDecoded()
    {
        byte[] file = [0, 0, 0x0C, 1, 0, 0, 0, 2, 0, 0, 1, 0, 0xFF, 0xFF, 0xFF, 0xFE];

        Assert.That(Idx.ReadLabels(new MemoryStream(file), Name), Is.EqualTo(new[] { 256, -2 }));
    }

    private static readonly (string Case, byte[] Bytes, string Message)[] s_imageErrors =
    [
        ("empty", [], "it is empty"),
        ("npy", [0x93, 0x4E, 0x55, 0x4D], "it starts with the bytes 0x93 0x4E, but an IDX file "
            + "starts with two zero bytes (or is gzip, 0x1F 0x8B)"),
        ("short magic", [0, 0, 8], "it ends after 3 bytes, inside its 4-byte header"),
        ("short sizes", [0, 0, 8, 3, 0, 0, 0, 2, 0], "it ends after 9 bytes, inside its 16-byte header"),
        ("type code", [0, 0, 0x0A, 1, 0, 0, 0, 1, 0],
            "unknown data type code 0x0A (expected 0x08, 0x09, 0x0B, 0x0C, 0x0D or 0x0E)"),
        ("labels", s_labels, "images need 3 dimensions, but it has 1"),
        ("floats", Idx3(0x0D, 1, 1, 1, [0, 0, 0, 0]),
            "images must hold unsigned bytes (type 0x08), but it holds 32-bit floats (type 0x0D)"),
        ("short data", s_images[..^2], "the data holds 10 of the 12 values that sizes 2 x 2 x 3 need"),
        ("trailing", [.. s_images, 7], "it has bytes after the 12 values that sizes 2 x 2 x 3 need"),
        ("too large", Idx3(0x08, 65536, 256, 256, []),
            "sizes 65536 x 256 x 256 are too large: a matrix holds at most 1073741824 elements"),
        ("damaged gzip", [.. Gzip(s_images)[..10], .. new byte[20]],
            "its gzip data is damaged (The archive entry was compressed using an unsupported "
            + "compression method)"),
    ];

    [TestCaseSource(nameof(s_imageErrors))]
    public void ReadImages_MalformedInput_SaysWhatIsWrong(
        (string Case, byte[] Bytes, string Message) row)
    {
        var input = new MemoryStream(row.Bytes);

        var e = Assert.Throws<AutoGradException>(() => Idx.ReadImages(input, Name));

        Assert.That(e!.Kind, Is.EqualTo(ErrorKind.Format));
        Assert.That(e.Message, Is.EqualTo(Prefix + row.Message), row.Case);
    }

    [Test]
    public void ReadLabels_Images_SaysLabelsNeedOneDimension()
    {
        var e = Assert.Throws<AutoGradException>(() => Idx.ReadLabels(new MemoryStream(s_images), Name));

        Assert.That(e!.Message, Is.EqualTo(Prefix + "labels need 1 dimension, but it has 3"));
    }

    [Test]
    public void ReadLabels_Floats_SaysLabelsMustBeIntegers()
    {
        byte[] file = [0, 0, 0x0E, 1, 0, 0, 0, 0];

        var e = Assert.Throws<AutoGradException>(() => Idx.ReadLabels(new MemoryStream(file), Name));

        Assert.That(e!.Message, Is.EqualTo(
            Prefix + "labels must hold integers, but it holds 64-bit floats (type 0x0E)"));
    }

    [Test]
    public void ReadImages_MissingFile_NamesThePath()
    {
        string path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "no-such.idx.gz");

        var e = Assert.Throws<AutoGradException>(() => Idx.ReadImages(path));

        Assert.That(e!.Message, Is.EqualTo($"cannot read '{path}': no such file"));
    }

    [TestCase("train", 4000)]
    [TestCase("t10k", 1000)]
    public void ShippedSample_ReadsAsFashionMnist(string set, int count)
    {
        string folder = Path.Combine(TestPaths.RepoRoot, "data", "fashion-mnist-sample");

        IdxImages images = Idx.ReadImages(Path.Combine(folder, $"{set}-images-idx3-ubyte.gz"));
        int[] labels = Idx.ReadLabels(Path.Combine(folder, $"{set}-labels-idx1-ubyte.gz"));

        Assert.That((images.Count, images.Height, images.Width), Is.EqualTo((count, 28, 28)));
        Assert.That(labels, Has.Length.EqualTo(count));
        Assert.That(labels.Distinct().Order(), Is.EqualTo(Enumerable.Range(0, 10)));
        Assert.That(images.Pixels.Enumerate().Min(), Is.EqualTo(0));
        Assert.That(images.Pixels.Enumerate().Max(), Is.EqualTo(1));
    }

    private static byte[] Idx3(byte type, int count, int height, int width, byte[] data)
    {
        var bytes = new byte[16 + data.Length];
        bytes[2] = type;
        bytes[3] = 3;
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), height);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), width);
        data.CopyTo(bytes, 16);
        return bytes;
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, true))
        {
            gzip.Write(bytes);
        }
        return buffer.ToArray();
    }

    // A stream that reads forward only, like a pipe or a network stream.
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}

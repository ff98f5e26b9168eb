using System.Buffers.Binary;
using System.IO.Compression;
using AutoGrad.Diagnostics;

namespace AutoGrad.IO;

/// <summary>
/// Reads the IDX format of MNIST and Fashion-MNIST (<c>train-images-idx3-ubyte</c> and the
/// like), raw or gzip-compressed; the two are told apart by their first bytes, not by the
/// file name.
/// </summary>
/// <remarks>
/// An IDX file is two zero bytes, a type code (0x08 unsigned byte, 0x09 signed byte, 0x0B
/// 16-bit, 0x0C 32-bit integer, 0x0D float, 0x0E double), the number of dimensions, each
/// dimension as a big-endian 32-bit integer, and then the values, big-endian, last dimension
/// fastest. Reading is strict: a short file, or bytes after the last value, is an error.
/// </remarks>
public static partial class Idx
{
    private const int ChunkValues = 8192;
    private const int FirstCapacity = 1 << 20;

    /// <summary>
    /// Reads the images of the IDX file at <paramref name="path"/>: three dimensions (count,
    /// height, width) of unsigned bytes, scaled to [0, 1].
    /// </summary>
    /// <exception cref="AutoGradException">
    /// Of kind <see cref="ErrorKind.Format"/> when the file cannot be opened or is not an IDX
    /// file of images; the message names the path.
    /// </exception>
    public static IdxImages ReadImages(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        using FileStream stream = DataFile.OpenRead(path);
        return ReadImages(stream, path);
    }

    /// <summary>Reads IDX images from <paramref name="stream"/>, raw or gzip.</summary>
    /// <param name="stream">The input, positioned at its first byte.</param>
    /// <param name="name">A name for the input in error messages, such as its file name.</param>
    /// <exception cref="AutoGradException">
    /// Of kind <see cref="ErrorKind.Format"/> when the input is not an IDX file of images.
    /// </exception>
    public static IdxImages ReadImages(Stream stream, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(stream);

        return Parse(stream, name, (input, header) =>
        {
            if (header.Sizes.Length != 3)
            {
                throw Errors.IdxRank(name, "images", 3, header.Sizes.Length);
            }
            if (header.Type != IdxType.UnsignedByte)
            {
                throw Errors.IdxPixelType(name, header.Type.Describe());
            }
            double[] pixels = ReadValues(input, header, name, 1 / 255.0);
            return new IdxImages(header.Sizes[0], header.Sizes[1], header.Sizes[2], pixels);
        });
    }

    /// <summary>
    /// Reads the labels of the IDX file at <paramref name="path"/>: one dimension of integers.
    /// </summary>
    /// <exception cref="AutoGradException">
    /// Of kind <see cref="ErrorKind.Format"/> when the file cannot be opened or is not an IDX
    /// file of labels; the message names the path.
    /// </exception>
    public static int[] ReadLabels(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        using FileStream stream = DataFile.OpenRead(path);
        return ReadLabels(stream, path);
    }

    /// <summary>Reads IDX labels from <paramref name="stream"/>, raw or gzip.</summary>
    /// <param name="stream">The input, positioned at its first byte.</param>
    /// <param name="name">A name for the input in error messages, such as its file name.</param>
    /// <exception cref="AutoGradException">
    /// Of kind <see cref="ErrorKind.Format"/> when the input is not an IDX file of labels.
    /// </exception>
    public static int[] ReadLabels(Stream stream, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(stream);

        return Parse<int[]>(stream, name, (input, header) =>
        {
            if (header.Sizes.Length != 1)
            {
                throw Errors.IdxRank(name, "labels", 1, header.Sizes.Length);
            }
            if (header.Type is IdxType.Single or IdxType.Double)
            {
                throw Errors.IdxLabelType(name, header.Type.Describe());
            }
            return [.. ReadValues(input, header, name, 1).Select(v => (int)v)];
        });
    }

    // Opens gzip when the input starts with its magic, reads the header, and hands both on;
    // a damaged gzip stream surfaces as an InvalidDataException from any read.
    private static T Parse<T>(Stream stream, string? name, Func<Stream, IdxHeader, T> read)
    {
        Stream input = Rewindable(stream);
        long start = input.Position;
        Span<byte> magic = stackalloc byte[2];
        int got = input.ReadAtLeast(magic, 2, false);
        input.Position = start;
        bool gzip = got == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        try
        {
            using Stream body = gzip
                ? new GZipStream(input, CompressionMode.Decompress, leaveOpen: true)
                : Stream.Null;
            Stream source = gzip ? body : input;
            return read(source, IdxHeader.Read(source, name));
        }
        catch (InvalidDataException e) when (gzip)
        {
            throw Errors.IdxGzip(name, e.Message.TrimEnd('.'));
        }
    }

    // Gzip detection peeks at two bytes; a stream that cannot seek back is read into memory.
    private static Stream Rewindable(Stream stream)
    {
        if (stream.CanSeek)
        {
            return stream;
        }
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }

    // All the values of the file times scale, in file order. The array grows with the data
    // read, so a huge count over a short file fails on the data, not on allocation.
    private static double[] ReadValues(Stream input, IdxHeader header, string? name, double scale)
    {
        long count = header.Count;
        int size = header.Type.Size();
        var values = new double[Math.Min(count, FirstCapacity)];
        var chunk = new byte[ChunkValues * size];
        long done = 0;
        while (done < count)
        {
            int want = (int)Math.Min(ChunkValues, count - done) * size;
            int got = input.ReadAtLeast(chunk.AsSpan(0, want), want, false);
            if (done + got / size > values.Length)
            {
                Array.Resize(ref values, (int)Math.Min(count, 2L * values.Length));
            }
            header.Type.Decode(chunk.AsSpan(0, got - got % size), values.AsSpan((int)done), scale);
            done += got / size;
            if (got < want)
            {
                throw Errors.IdxDataShort(name, done, count, header.Describe());
            }
        }
        if (input.ReadByte() >= 0)
        {
            throw Errors.IdxTrailing(name, count, header.Describe());
        }
        return values;
    }

    // The value type a type code names.
    private enum IdxType : byte
    {
        UnsignedByte = 0x08,
        SignedByte = 0x09,
        Short = 0x0B,
        Int = 0x0C,
        Single = 0x0D,
        Double = 0x0E,
    }

    private static int Size(this IdxType type) => type switch
    {
        IdxType.UnsignedByte or IdxType.SignedByte => 1,
        IdxType.Short => 2,
        IdxType.Int or IdxType.Single => 4,
        _ => 8,
    };

    private static string Describe(this IdxType type) => type switch
    {
        IdxType.UnsignedByte => "unsigned bytes (type 0x08)",
        IdxType.SignedByte => "signed bytes (type 0x09)",
        IdxType.Short => "16-bit integers (type 0x0B)",
        IdxType.Int => "32-bit integers (type 0x0C)",
        IdxType.Single => "32-bit floats (type 0x0D)",
        _ => "64-bit floats (type 0x0E)",
    };

    // Big-endian values of the type into doubles, each times scale.
    private static void Decode(
        this IdxType type, ReadOnlySpan<byte> bytes, Span<double> into, double scale)
    {
        int size = type.Size();
        for (int i = 0; i < bytes.Length / size; i++)
        {
            ReadOnlySpan<byte> b = bytes.Slice(i * size, size);
            into[i] = scale * type switch
            {
                IdxType.UnsignedByte => b[0],
                IdxType.SignedByte => (sbyte)b[0],
                IdxType.Short => BinaryPrimitives.ReadInt16BigEndian(b),
                IdxType.Int => BinaryPrimitives.ReadInt32BigEndian(b),
                IdxType.Single => BinaryPrimitives.ReadSingleBigEndian(b),
                _ => BinaryPrimitives.ReadDoubleBigEndian(b),
            };
        }
    }

    // The type code and the sizes, from the first 4 + 4 * rank bytes.
    private sealed record IdxHeader(IdxType Type, int[] Sizes)
    {
        public long Count => Sizes.Aggregate(1L, (product, s) => product * s);

        public string Describe() => string.Join(" x ", Sizes);

        public static IdxHeader Read(Stream input, string? name)
        {
            Span<byte> lead = stackalloc byte[4];
            int got = input.ReadAtLeast(lead, 4, false);
            if (got >= 2 && (lead[0] != 0 || lead[1] != 0))
            {
                throw Errors.IdxBadMagic(name, lead[0], lead[1]);
            }
            if (got < 4)
            {
                throw Errors.IdxTruncatedHeader(name, got, 4);
            }
            var type = (IdxType)lead[2];
            if (!Enum.IsDefined(type))
            {
                throw Errors.IdxDataType(name, lead[2]);
            }
            return new IdxHeader(type, ReadSizes(input, name, lead[3]));
        }

        private static int[] ReadSizes(Stream input, string? name, int rank)
        {
            var bytes = new byte[4 * rank];
            int got = input.ReadAtLeast(bytes, bytes.Length, false);
            if (got < bytes.Length)
            {
                throw Errors.IdxTruncatedHeader(name, 4 + got, 4 + bytes.Length);
            }
            int[] sizes = [.. Enumerable.Range(0, rank)
                .Select(i => BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 * i)))];
            // Zero sizes are skipped, so that 0 images of 2^31 x 2^31 pixels fail here too.
            long count = 1;
            foreach (int s in sizes.Where(s => s != 0))
            {
                count = s < 0 || count * s > Limits.MaxEntries ? Limits.MaxEntries + 1 : count * s;
            }
            if (count > Limits.MaxEntries)
            {
                throw Errors.IdxTooLarge(name, string.Join(" x ", sizes), Limits.MaxEntries);
            }
            return sizes;
        }
    }
}

using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using AutoGrad.Diagnostics;

namespace AutoGrad.IO;

/// <summary>
/// Reads and writes NumPy's .npy format, so that data can pass to and from Python unchanged.
/// Matrices are column-major on this side; the file stores C order (row-major) by default.
/// </summary>
/// <remarks>
/// Reading accepts format versions 1.0, 2.0 and 3.0, either memory order, 0-d, 1-d and 2-d
/// shapes, and the real number dtypes: floats of 2, 4 or 8 bytes, signed and unsigned integers
/// of 1, 2, 4 or 8 bytes and booleans, in either byte order; all become doubles (integers past
/// 2^53 round). Header keys other than descr, fortran_order and shape are ignored. Writing
/// produces what <c>numpy.save</c> produces for a float64 array, byte for byte.
/// </remarks>
public static partial class Npy
{
    private const int PrefixLength = 8;
    private const int Alignment = 64;
    private const int MaxHeaderLength = 1 << 20;
    private const int ChunkValues = 8192;
    private const string Float64 = "<f8";

    // numpy leaves room for the leading dimension to grow to this many digits in place.
    private const int GrowthDigits = 21;

    private static ReadOnlySpan<byte> Magic => [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59]; // \x93NUMPY

    /// <summary>Reads the .npy file at <paramref name="path"/>.</summary>
    /// <exception cref="AutoGradException">
    /// Of kind <see cref="ErrorKind.Format"/> when the file cannot be opened or is not a .npy
    /// file of a supported dtype and shape; the message names the path.
    /// </exception>
    public static NpyArray Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        using FileStream stream = DataFile.OpenRead(path);
        return Read(stream, path);
    }

    /// <summary>
    /// Reads one .npy array from <paramref name="stream"/>, leaving the stream just past its data.
    /// </summary>
    /// <param name="stream">The input, positioned at the magic string.</param>
    /// <param name="name">A name for the input in error messages, such as its file name.</param>
    /// <exception cref="AutoGradException">
    /// Of kind <see cref="ErrorKind.Format"/> when the input is not a .npy array of a supported
    /// dtype and shape, or ends before its data does.
    /// </exception>
    public static NpyArray Read(Stream stream, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(stream);

        string text = ReadHeader(stream, name);
        var header = new HeaderParser(text, name).Parse();
        Layout layout = Layout.From(header, name);
        double[] values = ReadValues(stream, layout, name);
        return layout.Arrange(values);
    }

    /// <summary>
    /// Writes a matrix to the .npy file at <paramref name="path"/> as float64 in C order,
    /// replacing any file there.
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="columnMajor">The values, entry (i, j) at <c>i + j * rows</c>.</param>
    /// <param name="rows">The number of rows.</param>
    /// <param name="columns">The number of columns.</param>
    /// <param name="asVector">
    /// Write the 1-d shape <c>(rows,)</c> rather than <c>(rows, 1)</c>; needs one column.
    /// </param>
    /// <exception cref="ArgumentException">
    /// When the shape is negative, does not match the length of <paramref name="columnMajor"/>,
    /// or is not a column while <paramref name="asVector"/> is set.
    /// </exception>
    public static void Write(
        string path, double[] columnMajor, int rows, int columns, bool asVector = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        CheckShape(columnMajor, rows, columns, asVector);

        using FileStream stream = File.Create(path);
        Write(stream, columnMajor, rows, columns, asVector);
    }

    /// <summary>
    /// Writes a matrix to <paramref name="stream"/> as a .npy array of float64 in C order.
    /// </summary>
    /// <param name="stream">The output; it is neither flushed nor closed.</param>
    /// <param name="columnMajor">The values, entry (i, j) at <c>i + j * rows</c>.</param>
    /// <param name="rows">The number of rows.</param>
    /// <param name="columns">The number of columns.</param>
    /// <param name="asVector">
    /// Write the 1-d shape <c>(rows,)</c> rather than <c>(rows, 1)</c>; needs one column.
    /// </param>
    /// <exception cref="ArgumentException">
    /// When the shape is negative, does not match the length of <paramref name="columnMajor"/>,
    /// or is not a column while <paramref name="asVector"/> is set.
    /// </exception>
    public static void Write(
        Stream stream, double[] columnMajor, int rows, int columns, bool asVector = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        CheckShape(columnMajor, rows, columns, asVector);

        stream.Write(Preamble(rows, columns, asVector));
        WriteValues(stream, columnMajor, rows, columns);
    }

    // The preamble: magic, version, header length (2 bytes in 1.0, 4 after), header.
    private static string ReadHeader(Stream stream, string? file)
    {
        Span<byte> lead = stackalloc byte[PrefixLength + 4];
        int got = stream.ReadAtLeast(lead[..(PrefixLength + 2)], PrefixLength + 2, false);
        int matched = Math.Min(got, Magic.Length);
        if (!lead[..matched].SequenceEqual(Magic[..matched]))
        {
            bool isZip = got >= 2 && lead[0] == (byte)'P' && lead[1] == (byte)'K';
            throw Errors.NpyBadMagic(file, isZip);
        }
        int major = got >= PrefixLength ? lead[6] : 1;
        if (got >= PrefixLength && (lead[7] != 0 || major is < 1 or > 3))
        {
            throw Errors.NpyVersion(file, major, lead[7]);
        }
        int sizeBytes = major == 1 ? 2 : 4;
        if (sizeBytes == 4 && got == PrefixLength + 2)
        {
            got += stream.ReadAtLeast(lead[(PrefixLength + 2)..], 2, false);
        }
        if (got < PrefixLength + sizeBytes)
        {
            throw Errors.NpyTruncated(file, got, PrefixLength + sizeBytes);
        }

        long length = sizeBytes == 2
            ? BinaryPrimitives.ReadUInt16LittleEndian(lead[PrefixLength..])
            : BinaryPrimitives.ReadUInt32LittleEndian(lead[PrefixLength..]);
        if (length > MaxHeaderLength)
        {
            throw Errors.NpyHeaderTooLong(file, length, MaxHeaderLength);
        }
        var bytes = new byte[length];
        int read = stream.ReadAtLeast(bytes, bytes.Length, false);
        if (read < bytes.Length)
        {
            throw Errors.NpyTruncated(file, got + read, got + length);
        }

        // 3.0 exists only to allow utf8 in structured field names; earlier versions are latin1.
        return (major == 3 ? Encoding.UTF8 : Encoding.Latin1).GetString(bytes);
    }

    // Values in file order, decoded chunk by chunk. Unless the stream shows that all the data
    // is there, the array grows with the data read, so a huge shape over a short file fails on
    // the data, not on allocation.
    private static double[] ReadValues(Stream stream, Layout layout, string? file)
    {
        long count = layout.Count;
        int size = layout.Dtype.Size;
        bool complete = stream.CanSeek && stream.Length - stream.Position >= count * size;
        var values = new double[complete ? count : Math.Min(count, ChunkValues)];
        var chunk = new byte[ChunkValues * size];
        long done = 0;
        while (done < count)
        {
            int want = (int)Math.Min(ChunkValues, count - done) * size;
            int got = stream.ReadAtLeast(chunk.AsSpan(0, want), want, false);
            int whole = got / size;
            if (done + whole > values.Length)
            {
                long capacity = Math.Max(2L * values.Length, done + whole);
                Array.Resize(ref values, (int)Math.Min(count, capacity));
            }
            layout.Dtype.Decode(chunk.AsSpan(0, whole * size), values.AsSpan((int)done, whole));
            done += whole;
            if (got < want)
            {
                throw Errors.NpyDataShort(file, done, count, layout.ShapeText);
            }
        }
        return values;
    }

    private static void CheckShape(double[] columnMajor, int rows, int columns, bool asVector)
    {
        ArgumentNullException.ThrowIfNull(columnMajor);
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(columns);
        if ((long)rows * columns != columnMajor.Length)
        {
            throw new ArgumentException(
                $"{rows}x{columns} needs {(long)rows * columns} values, but the array holds "
                + $"{columnMajor.Length}", nameof(columnMajor));
        }
        if (asVector && columns != 1)
        {
            throw new ArgumentException(
                $"only a column can be written as a vector, not {rows}x{columns}",
                nameof(asVector));
        }
    }

    // Byte for byte what numpy.save writes: keys sorted, room for the first dimension to grow,
    // spaces and a newline so that the data starts at a multiple of 64 bytes.
    private static byte[] Preamble(int rows, int columns, bool asVector)
    {
        string shape = asVector
            ? string.Create(CultureInfo.InvariantCulture, $"({rows},)")
            : string.Create(CultureInfo.InvariantCulture, $"({rows}, {columns})");
        string dict = $"{{'descr': '{Float64}', 'fortran_order': False, 'shape': {shape}, }}";
        int growth = GrowthDigits - rows.ToString(CultureInfo.InvariantCulture).Length;
        int unpadded = dict.Length + growth + 1;
        int padding = Alignment - (PrefixLength + 2 + unpadded) % Alignment;
        int length = unpadded + padding;

        // A float64 matrix header is under 128 bytes, so version 1.0 and its 2-byte header
        // length always suffice; numpy too moves to 2.0 only past 65535 bytes.
        Debug.Assert(length <= ushort.MaxValue, "the header fits version 1.0");
        var bytes = new byte[PrefixLength + 2 + length];
        Magic.CopyTo(bytes);
        bytes[6] = 1;
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(PrefixLength), (ushort)length);
        Span<byte> header = bytes.AsSpan(PrefixLength + 2);
        header.Fill((byte)' ');
        Encoding.Latin1.GetBytes(dict, header);
        header[^1] = (byte)'\n';
        return bytes;
    }

    // Column-major in memory, C order on disk: the file walks each row in turn.
    private static void WriteValues(Stream stream, double[] columnMajor, int rows, int columns)
    {
        var chunk = new byte[ChunkValues * sizeof(double)];
        int used = 0;
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                if (used == chunk.Length)
                {
                    stream.Write(chunk);
                    used = 0;
                }
                double value = columnMajor[i + (long)j * rows];
                BinaryPrimitives.WriteDoubleLittleEndian(chunk.AsSpan(used), value);
                used += sizeof(double);
            }
        }
        stream.Write(chunk, 0, used);
    }
}

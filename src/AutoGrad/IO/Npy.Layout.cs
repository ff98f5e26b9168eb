using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using AutoGrad.Diagnostics;

namespace AutoGrad.IO;

// What a .npy header means: the element type, the memory order and the shape.
public static partial class Npy
{
    /// <summary>What the header says: element type, memory order and shape.</summary>
    private sealed record Layout(Dtype Dtype, bool FortranOrder, long[] Dims, string ShapeText)
    {
        public long Count => Dims.Aggregate(1L, (count, d) => count * d);

        public static Layout From(Dictionary<string, Entry> header, string? file)
        {
            Dtype dtype = Dtype.From(Require(header, "descr", file), file);
            Entry order = Require(header, "fortran_order", file);
            if (order.Value is not bool fortranOrder)
            {
                throw Errors.NpyBadValue(file, "fortran_order", "True or False", order.Text);
            }
            Entry shape = Require(header, "shape", file);
            if (shape.Value is not object?[] items || items.Any(d => d is not >= 0L))
            {
                throw Errors.NpyBadValue(
                    file, "shape", "a tuple of non-negative integers", shape.Text);
            }

            long[] dims = [.. items.Cast<long>()];
            string text = TupleText(dims);
            if (dims.Length > 2)
            {
                throw Errors.NpyDimensions(file, text, dims.Length);
            }
            Int128 count = dims.Aggregate(Int128.One, (product, d) => product * d);
            if (count > Array.MaxLength || dims.Any(d => d > Array.MaxLength))
            {
                throw Errors.NpyTooLarge(file, text, Array.MaxLength);
            }
            return new Layout(dtype, fortranOrder, dims, text);
        }

        // A 0-d array is a 1x1 matrix and a 1-d array a column.
        public NpyArray Arrange(double[] values)
        {
            if (Dims.Length < 2)
            {
                int rows = Dims.Length == 0 ? 1 : (int)Dims[0];
                return new NpyArray(rows, 1, values, Dims.Length == 1);
            }
            int r = (int)Dims[0];
            int c = (int)Dims[1];
            bool sameOrder = FortranOrder || r == 1 || c == 1;
            double[] columnMajor = sameOrder ? values : Transpose(values, r, c);
            return new NpyArray(r, c, columnMajor, false);
        }

        // C order holds (i, j) at i * c + j; column-major at i + j * r.
        private static double[] Transpose(double[] values, int r, int c)
        {
            var result = new double[values.Length];
            for (int i = 0; i < r; i++)
            {
                for (int j = 0; j < c; j++)
                {
                    result[i + (long)j * r] = values[(long)i * c + j];
                }
            }
            return result;
        }

        private static Entry Require(Dictionary<string, Entry> header, string key, string? file) =>
            header.TryGetValue(key, out Entry entry)
                ? entry
                : throw Errors.NpyMissingKey(file, key);

        private static string TupleText(long[] dims) => dims.Length == 1
            ? string.Create(CultureInfo.InvariantCulture, $"({dims[0]},)")
            : $"({string.Join(", ", dims.Select(d => d.ToString(CultureInfo.InvariantCulture)))})";
    }

    /// <summary>An element type: kind 'f', 'i', 'u' or 'b', size in bytes, byte order.</summary>
    private readonly record struct Dtype(char Kind, int Size, bool LittleEndian)
    {
        public static Dtype From(Entry entry, string? file)
        {
            if (entry.Value is not string descr)
            {
                throw entry.Value is List<object?>
                    ? Errors.NpyDtype(file, entry.Text)
                    : Errors.NpyBadValue(file, "descr", "a dtype string such as '<f8'", entry.Text);
            }

            string quoted = $"'{descr}'";
            bool hasOrder = descr.Length > 0 && "<>=|".Contains(descr[0]);
            char order = hasOrder ? descr[0] : '=';
            string code = hasOrder ? descr[1..] : descr;
            if (code.StartsWith('O'))
            {
                throw Errors.NpyObjectDtype(file, quoted);
            }
            bool sized = int.TryParse(
                code.AsSpan(Math.Min(1, code.Length)), NumberStyles.None,
                CultureInfo.InvariantCulture, out int size);
            var dtype = new Dtype(
                code.Length > 0 ? code[0] : '?', size,
                order == '<' || (order != '>' && BitConverter.IsLittleEndian));
            if (!sized || !dtype.IsSupported)
            {
                throw Errors.NpyDtype(file, quoted);
            }
            return dtype;
        }

        private bool IsSupported =>
            (Kind, Size) is ('f', 2 or 4 or 8) or ('i' or 'u', 1 or 2 or 4 or 8) or ('b', 1);

        public void Decode(Span<byte> bytes, Span<double> values)
        {
            Debug.Assert(bytes.Length == values.Length * Size, "one value per element");
            if (Kind == 'f' && Size == 8 && LittleEndian == BitConverter.IsLittleEndian)
            {
                MemoryMarshal.Cast<byte, double>(bytes).CopyTo(values);
                return;
            }
            bool swap = Size > 1 && LittleEndian != BitConverter.IsLittleEndian;
            for (int k = 0; k < values.Length; k++)
            {
                Span<byte> b = bytes.Slice(k * Size, Size);
                if (swap)
                {
                    b.Reverse();
                }
                values[k] = ToDouble(b);
            }
        }

        private double ToDouble(Span<byte> b) => (Kind, Size) switch
        {
            ('f', 8) => MemoryMarshal.Read<double>(b),
            ('f', 4) => MemoryMarshal.Read<float>(b),
            ('f', 2) => (double)MemoryMarshal.Read<Half>(b),
            ('i', 1) => (sbyte)b[0],
            ('i', 2) => MemoryMarshal.Read<short>(b),
            ('i', 4) => MemoryMarshal.Read<int>(b),
            ('i', 8) => MemoryMarshal.Read<long>(b),
            ('u', 1) => b[0],
            ('u', 2) => MemoryMarshal.Read<ushort>(b),
            ('u', 4) => MemoryMarshal.Read<uint>(b),
            ('u', 8) => MemoryMarshal.Read<ulong>(b),
            ('b', 1) => b[0] == 0 ? 0.0 : 1.0,
            _ => throw new UnreachableException($"dtype {Kind}{Size} passed the support check"),
        };
    }
}

using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using AutoGrad.Diagnostics;
using AutoGrad.IO;
using NUnit.Framework;

namespace AutoGrad.Tests.IO;

/// <summary>
/// .npy reading and writing: round trips, numpy's own bytes, hand-built files for every
/// version, order, rank and dtype, each malformed input with its message, and the reference
/// cases written by numpy.
/// </summary>
[TestFixture]
public sealed class NpyTests
{
    private const string Name = "t.npy";
    private const string Prefix = "cannot read 't.npy' as .npy: ";
    private const string SparseCoding = "seed-1-sparse-coding-basis";
    private const string NotADict = "the header is not a Python dict literal: expected ";

    // A 2x2 C-order matrix [[1, 2], [3, 4]] under headers that a regex or a fixed key order
    // would misread.
    private static readonly string[] s_headerVariants =
    [
        "{'shape': (2, 2), 'fortran_order': False, 'descr': '<f8'}",
        "{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (2, 2)}",
        "{ 'descr' : '<f8' ,\n 'fortran_order' : False , 'shape' : ( 2 , 2 , ) , }",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2L, 2L), }",
        "{'descr': '<f8', 'note': \"'shape': (9, 9)\", 'fortran_order': False, 'shape': (2, 2)}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), 'x': [1, (2,), {'a': None}]}",
        "{'descr': '<f8', 'fortran_order': False, 'shape': (+2, 2), 'esc': 'it\\'s \\\\'}",
    ];

    // Each dtype holds [1, -2, 100] (unsigned and bool: [1, 2, 100] and [1, 0, 1]).
    private static readonly (string Descr, byte[] Bytes, double[] Expected)[] s_dtypes =
    [
        ("<f8", Encode(8, (b, v) => BinaryPrimitives.WriteDoubleLittleEndian(b, v)), Signed),
        (">f8", Encode(8, (b, v) => BinaryPrimitives.WriteDoubleBigEndian(b, v)), Signed),
        ("=f8", Encode(8, (b, v) => BinaryPrimitives.WriteDoubleLittleEndian(b, v)), Signed),
        ("<f4", Encode(4, (b, v) => BinaryPrimitives.WriteSingleLittleEndian(b, (float)v)), Signed),
        (">f4", Encode(4, (b, v) => BinaryPrimitives.WriteSingleBigEndian(b, (float)v)), Signed),
        ("<f2", Encode(2, (b, v) => BinaryPrimitives.WriteHalfLittleEndian(b, (Half)v)), Signed),
        ("|i1", Encode(1, (b, v) => b[0] = (byte)(sbyte)v), Signed),
        ("|u1", Encode(1, (b, v) => b[0] = (byte)v, Unsigned), Unsigned),
        ("<i2", Encode(2, (b, v) => BinaryPrimitives.WriteInt16LittleEndian(b, (short)v)), Signed),
        (">i2", Encode(2, (b, v) => BinaryPrimitives.WriteInt16BigEndian(b, (short)v)), Signed),
        ("<u2", Encode(2, (b, v) => BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)v),
            Unsigned), Unsigned),
        ("<i4", Encode(4, (b, v) => BinaryPrimitives.WriteInt32LittleEndian(b, (int)v)), Signed),
        (">i4", Encode(4, (b, v) => BinaryPrimitives.WriteInt32BigEndian(b, (int)v)), Signed),
        ("<u4", Encode(4, (b, v) => BinaryPrimitives.WriteUInt32LittleEndian(b, (uint)v),
            Unsigned), Unsigned),
        ("<i8", Encode(8, (b, v) => BinaryPrimitives.WriteInt64LittleEndian(b, (long)v)), Signed),
        (">i8", Encode(8, (b, v) => BinaryPrimitives.WriteInt64BigEndian(b, (long)v)), Signed),
        ("<u8", Encode(8, (b, v) => BinaryPrimitives.WriteUInt64LittleEndian(b, (ulong)v),
            Unsigned), Unsigned),
        ("|b1", [1, 0, 7], [1, 0, 1]),
    ];

    // Headers that are wrong in one way each, with the message that must name it.
    private static readonly (string Header, string Message)[] s_badHeaders =
    [
        ("[1, 2]", NotADict + "'{' but found '[' at character 1"),
        ("{'descr': '<f8' 'shape': (1,)}",
            NotADict + "',' or '}' but found \"'\" at character 17"),
        ("{descr: '<f8'}", NotADict + "a quoted key but found 'd' at character 2"),
        ("{'descr': '<f8', 'fortran_order': false, 'shape': (1,)}",
            NotADict + "True, False or None but found 'false' at character 35"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (2.5,)}",
            NotADict + "the end of an integer but found '.' at character 53"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,)}",
            NotADict + "an integer below 2^63 but found 99999999999999999999 at character 52"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (1,)} x",
            NotADict + "the end of the header but found 'x' at character 57"),

        // Positions past the text count the padding that Build adds.
        ("{'descr': '<f8}",
            NotADict + "the closing ' but found the end of the header at character 23"),
        ("", NotADict + "'{' but found the end of the header at character 7"),

        ("{'descr': '<f8', 'fortran_order': False}", "the header has no 'shape' key"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'shape': (2,)}",
            "the header gives the key 'shape' twice"),
        ("{'descr': '<c16', 'fortran_order': False, 'shape': (1,)}",
            "unsupported dtype '<c16' (expected a real number type such as '<f8')"),
        ("{'descr': '<U3', 'fortran_order': False, 'shape': (1,)}",
            "unsupported dtype '<U3' (expected a real number type such as '<f8')"),
        ("{'descr': '|O', 'fortran_order': False, 'shape': (1,)}",
            "dtype '|O' holds Python objects, not numbers (save the array with a numeric dtype "
            + "such as '<f8')"),
        ("{'descr': [('a', '<f8'), ('b', '<i4')], 'fortran_order': False, 'shape': (1,)}",
            "unsupported dtype [('a', '<f8'), ('b', '<i4')] (expected a real number type such "
            + "as '<f8')"),
        ("{'descr': 8, 'fortran_order': False, 'shape': (1,)}",
            "'descr' must be a dtype string such as '<f8', not 8"),
        ("{'descr': '<f8', 'fortran_order': 'yes', 'shape': (1,)}",
            "'fortran_order' must be True or False, not 'yes'"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (-1, 3)}",
            "'shape' must be a tuple of non-negative integers, not (-1, 3)"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': [2, 3]}",
            "'shape' must be a tuple of non-negative integers, not [2, 3]"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (3)}",
            "'shape' must be a tuple of non-negative integers, not (3)"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (True,)}",
            "'shape' must be a tuple of non-negative integers, not (True,)"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3, 4)}",
            "shape (2, 3, 4) has 3 dimensions, but only 0, 1 or 2 are supported"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000)}",
            "shape (100000, 100000) is too large: a matrix holds at most 2147483591 rows, "
            + "columns or elements"),
        ("{'descr': '<f8', 'fortran_order': False, 'shape': (0, 10000000000)}",
            "shape (0, 10000000000) is too large: a matrix holds at most 2147483591 rows, "
            + "columns or elements"),
        ("{'x': " + new string('[', 40) + new string(']', 40) + "}",
            "the header nests brackets deeper than 32 levels"),
    ];

    private static double[] Signed => [1, -2, 100];

    private static double[] Unsigned => [1, 2, 100];

    private static string CaseFolder => Path.Combine(TestPaths.SharedCases, SparseCoding);

    [Test]
    public void Write_ThenRead_RoundTripsValuesAndShape()
    {
        double[] columnMajor = [1.5, -2, 3e-300, double.MaxValue, double.NaN, -0.0];

        NpyArray array = Npy.Read(Written(columnMajor, 3, 2));

        Assert.That(array.Rows, Is.EqualTo(3));
        Assert.That(array.Columns, Is.EqualTo(2));
        Assert.That(array.WasVector, Is.False);
        Assert.That(array.ColumnMajor, Is.EqualTo(columnMajor));
    }

    [Test]
    public void Write_StoresCOrderFloat64()
    {
        // [[1, 3, 5], [2, 4, 6]] in column-major order.
        byte[] bytes = Written([1, 2, 3, 4, 5, 6], 2, 3).ToArray();

        Assert.That(HeaderOf(bytes), Does.StartWith(
            "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"));
        Assert.That(ValuesAfterPreamble(bytes), Is.EqualTo(new double[] { 1, 3, 5, 2, 4, 6 }));
    }

    [Test]
    public void Write_AsVector_WritesOneDimensionalShape()
    {
        MemoryStream stream = Written([7, 8, 9, 10], 4, 1, asVector: true);

        Assert.That(HeaderOf(stream.ToArray()), Does.Contain("'shape': (4,), }"));
        NpyArray array = Npy.Read(stream);
        Assert.That((array.Rows, array.Columns, array.WasVector), Is.EqualTo((4, 1, true)));
        Assert.That(array.ColumnMajor, Is.EqualTo(new double[] { 7, 8, 9, 10 }));
    }

    [TestCase(0, 0)]
    [TestCase(1, 1)]
    [TestCase(8, 5)]
    [TestCase(123, 1)]
    [TestCase(1_000_000_000, 0)]
    [TestCase(0, 1_000_000_000)]
    public void Write_PreambleIsAMultipleOf64EndingInNewline(int rows, int columns)
    {
        byte[] bytes = Written(new double[rows * columns], rows, columns).ToArray();

        int length = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        Assert.That(bytes[6..8], Is.EqualTo(new byte[] { 1, 0 }));
        Assert.That((10 + length) % 64, Is.Zero);
        Assert.That(bytes[10 + length - 1], Is.EqualTo((byte)'\n'));
        Assert.That(bytes.Length, Is.EqualTo(10 + length + 8L * rows * columns));
    }

    [Test]
    public void Write_MatchesNumpyByteForByte()
    {
        foreach (string path in Directory.GetFiles(CaseFolder, "*.npy"))
        {
            NpyArray array = Npy.Read(path);

            byte[] ours = Written(array.ColumnMajor, array.Rows, array.Columns).ToArray();

            Assert.That(ours, Is.EqualTo(File.ReadAllBytes(path)), path);
        }
    }

    [Test]
    public void Write_ToPath_ThenReadFromPath_RoundTrips()
    {
        string path = Path.Combine(Path.GetTempPath(), $"autograd-{Guid.NewGuid():N}.npy");
        try
        {
            Npy.Write(path, [1, 2, 3, 4, 5, 6], 3, 2);

            NpyArray array = Npy.Read(path);

            Assert.That((array.Rows, array.Columns), Is.EqualTo((3, 2)));
            Assert.That(array.ToMatrix()[2, 1], Is.EqualTo(6));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void Write_LengthNotMatchingShape_Throws()
    {
        var e = Assert.Throws<ArgumentException>(
            () => Npy.Write(new MemoryStream(), [1, 2, 3], 2, 2));

        Assert.That(e!.Message, Does.StartWith("2x2 needs 4 values, but the array holds 3"));
    }

    [Test]
    public void Write_AsVectorWithTwoColumns_Throws()
    {
        var e = Assert.Throws<ArgumentException>(
            () => Npy.Write(new MemoryStream(), [1, 2, 3, 4], 2, 2, asVector: true));

        Assert.That(
            e!.Message, Does.StartWith("only a column can be written as a vector, not 2x2"));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Read_EachVersion_ReadsTheArray(int major)
    {
        string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (2,), 'é': 'ü'}";

        NpyArray array = ReadBytes(Build(header, F8(1, 2), major));

        Assert.That(array.ColumnMajor, Is.EqualTo(new double[] { 1, 2 }));
    }

    [Test]
    public void Read_Version3_DecodesTheHeaderAsUtf8()
    {
        string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'ключ': 1}";

        Assert.That(ReadBytes(Build(header, F8(5), 3)).ColumnMajor, Is.EqualTo(new double[] { 5 }));
    }

    [Test]
    public void Read_COrder_ConvertsToColumnMajor()
    {
        NpyArray array = ReadBytes(Build(Dict("<f8", "(2, 3)"), F8(1, 2, 3, 4, 5, 6)));

        Assert.That((array.Rows, array.Columns), Is.EqualTo((2, 3)));
        Assert.That(array.ColumnMajor, Is.EqualTo(new double[] { 1, 4, 2, 5, 3, 6 }));
        Assert.That(array.ToMatrix()[0, 2], Is.EqualTo(3));
    }

    [Test]
    public void Read_FortranOrder_KeepsTheOrder()
    {
        NpyArray array = ReadBytes(Build(Dict("<f8", "(2, 3)", true), F8(1, 2, 3, 4, 5, 6)));

        Assert.That(array.ColumnMajor, Is.EqualTo(new double[] { 1, 2, 3, 4, 5, 6 }));
        Assert.That(array.ToMatrix()[0, 2], Is.EqualTo(5));
    }

    [Test]
    public void Read_OneDimensional_IsAColumn()
    {
        NpyArray array = ReadBytes(Build(Dict("<f8", "(3,)"), F8(1, 2, 3)));

        Assert.That((array.Rows, array.Columns, array.WasVector), Is.EqualTo((3, 1, true)));
        Assert.That(array.ColumnMajor, Is.EqualTo(new double[] { 1, 2, 3 }));
    }

    [Test]
    public void Read_ZeroDimensional_IsOneByOne()
    {
        NpyArray array = ReadBytes(Build(Dict("<f8", "()"), F8(42)));

        Assert.That((array.Rows, array.Columns, array.WasVector), Is.EqualTo((1, 1, false)));
        Assert.That(array.ColumnMajor, Is.EqualTo(new double[] { 42 }));
    }

    [Test]
    public void Read_EmptyShape_HasNoValues()
    {
        NpyArray array = ReadBytes(Build(Dict("<f8", "(0, 3)"), []));

        Assert.That((array.Rows, array.Columns), Is.EqualTo((0, 3)));
        Assert.That(array.ColumnMajor, Is.Empty);
        Assert.That(array.ToMatrix().ColumnCount, Is.EqualTo(3));
    }

    [TestCaseSource(nameof(DtypeCases))]
    public void Read_Dtype_ConvertsToDouble(string descr, byte[] bytes, double[] expected)
    {
        NpyArray array = ReadBytes(Build(Dict(descr, "(3,)"), bytes));

        Assert.That(array.ColumnMajor, Is.EqualTo(expected));
    }

    [TestCaseSource(nameof(HeaderVariants))]
    public void Read_HeaderVariant_ReadsTheSameMatrix(string header)
    {
        NpyArray array = ReadBytes(Build(header, F8(1, 2, 3, 4)));

        Assert.That((array.Rows, array.Columns), Is.EqualTo((2, 2)));
        Assert.That(array.ColumnMajor, Is.EqualTo(new double[] { 1, 3, 2, 4 }));
    }

    [Test]
    public void Read_TrailingBytes_AreLeftInTheStream()
    {
        var stream = new MemoryStream([.. Build(Dict("<f8", "(1,)"), F8(1)), .. F8(2)]);

        Npy.Read(stream);

        Assert.That(stream.Length - stream.Position, Is.EqualTo(8));
    }

    [Test]
    public void Read_StreamGivingOneByteAtATime_ReadsTheArray()
    {
        var stream = new TrickleStream(Written([1, 2, 3, 4, 5, 6], 2, 3).ToArray());

        Assert.That(Npy.Read(stream).ColumnMajor, Is.EqualTo(new double[] { 1, 2, 3, 4, 5, 6 }));
    }

    [TestCaseSource(nameof(BadHeaders))]
    public void Read_BadHeader_ReportsWhatIsWrong(string header, string message)
    {
        Assert.That(ErrorOf(Build(header, F8(1, 2, 3))), Is.EqualTo(Prefix + message));
    }

    [Test]
    public void Read_NotNpy_ReportsTheMagicString()
    {
        Assert.That(ErrorOf(Encoding.ASCII.GetBytes("hello, world")), Is.EqualTo(Prefix
            + "it does not start with the magic string \\x93NUMPY, so it is not a .npy file"));
    }

    [Test]
    public void Read_ZipArchive_SuggestsExtractingIt()
    {
        Assert.That(ErrorOf([(byte)'P', (byte)'K', 3, 4, 20, 0, 0, 0, 8, 0]), Is.EqualTo(Prefix
            + "it is a zip archive (an .npz?); extract its .npy members and read those instead"));
    }

    [Test]
    public void Read_Empty_SaysSo()
    {
        Assert.That(ErrorOf([]), Is.EqualTo(Prefix + "it is empty"));
    }

    [Test]
    public void Read_StreamWithoutName_SaysTheStream()
    {
        var e = Assert.Throws<AutoGradException>(() => Npy.Read(new MemoryStream()));

        Assert.That(e!.Message, Is.EqualTo("cannot read the stream as .npy: it is empty"));
    }

    [TestCase(7, "it ends after 7 bytes, inside its 10-byte preamble")]
    [TestCase(9, "it ends after 9 bytes, inside its 10-byte preamble")]
    [TestCase(50, "it ends after 50 bytes, inside its 128-byte preamble")]
    [TestCase(127, "it ends after 127 bytes, inside its 128-byte preamble")]
    public void Read_TruncatedPreamble_ReportsWhere(int length, string message)
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(CaseFolder, "A.npy"));

        Assert.That(ErrorOf(bytes[..length]), Is.EqualTo(Prefix + message));
    }

    [Test]
    public void Read_TruncatedVersion2Preamble_CountsItsLongerPrefix()
    {
        byte[] bytes = Build(Dict("<f8", "(1,)"), F8(1), 2);

        Assert.That(ErrorOf(bytes[..11]), Is.EqualTo(
            Prefix + "it ends after 11 bytes, inside its 12-byte preamble"));
    }

    [Test]
    public void Read_TruncatedData_CountsTheValues()
    {
        byte[] bytes = [.. Build(Dict("<f8", "(8, 5)"), F8(1, 2, 3)), 0, 0, 0, 0];

        Assert.That(ErrorOf(bytes), Is.EqualTo(
            Prefix + "the data holds 3 of the 40 values that shape (8, 5) needs"));
    }

    [Test]
    public void Read_HugeShapeOverShortData_FailsOnTheData()
    {
        byte[] bytes = Build(Dict("<f8", "(2147483591,)"), F8(1, 2));

        Assert.That(ErrorOf(bytes), Is.EqualTo(
            Prefix + "the data holds 2 of the 2147483591 values that shape (2147483591,) needs"));
    }

    [TestCase(4, 0)]
    [TestCase(1, 1)]
    [TestCase(0, 0)]
    public void Read_UnknownVersion_IsRejected(int major, int minor)
    {
        byte[] bytes = Build(Dict("<f8", "(1,)"), F8(1));
        bytes[6] = (byte)major;
        bytes[7] = (byte)minor;

        Assert.That(ErrorOf(bytes), Is.EqualTo(
            Prefix + $"unsupported format version {major}.{minor} (expected 1.0, 2.0 or 3.0)"));
    }

    [Test]
    public void Read_HeaderLengthBeyondLimit_IsRejected()
    {
        byte[] bytes = [0x93, .. "NUMPY"u8, 2, 0, 0xFF, 0xFF, 0xFF, 0x7F];

        Assert.That(ErrorOf(bytes), Is.EqualTo(
            Prefix + "its header claims 2147483647 bytes, more than the limit of 1048576"));
    }

    [Test]
    public void Read_MissingFile_NamesThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}", "x.npy");

        var e = Assert.Throws<AutoGradException>(() => Npy.Read(path));

        Assert.That(e!.Kind, Is.EqualTo(ErrorKind.Format));
        Assert.That(e.Message, Is.EqualTo($"cannot read '{path}': no such file"));
    }

    [Test]
    public void Read_Folder_SaysItIsAFolder()
    {
        string path = Path.GetTempPath();

        var e = Assert.Throws<AutoGradException>(() => Npy.Read(path));

        Assert.That(e!.Message, Is.EqualTo($"cannot read '{path}': it is a folder, not a file"));
    }

    [Test]
    public void Read_EveryTruncation_ThrowsOnlyFormatErrors()
    {
        byte[] bytes = File.ReadAllBytes(Path.Combine(CaseFolder, "A.npy"));

        for (int length = 0; length < bytes.Length; length++)
        {
            var e = Assert.Throws<AutoGradException>(() => ReadBytes(bytes[..length]));
            Assert.That(e!.Kind, Is.EqualTo(ErrorKind.Format), $"length {length}");
        }
    }

    [Test]
    public void Read_CorruptedBytes_ThrowOnlyFormatErrors()
    {
        byte[] original = File.ReadAllBytes(Path.Combine(CaseFolder, "A.npy"));
        var random = new Random(1234);

        for (int trial = 0; trial < 5000; trial++)
        {
            byte[] bytes = (byte[])original.Clone();
            for (int flips = random.Next(1, 4); flips > 0; flips--)
            {
                bytes[random.Next(128)] = (byte)random.Next(256);
            }
            AssertReadsOrFailsCleanly(bytes, $"trial {trial}");
        }
    }

    [Test]
    public void Read_RandomHeaders_ThrowOnlyFormatErrors()
    {
        const string alphabet = "{}()[]'\",: 0123456789-+LTrueFalsNonedscrp<>|=f8iu\\\n";
        var random = new Random(99);

        for (int trial = 0; trial < 5000; trial++)
        {
            var header = new StringBuilder("{'descr': '<f8', 'fortran_order': False, ");
            for (int k = random.Next(60); k > 0; k--)
            {
                header.Append(alphabet[random.Next(alphabet.Length)]);
            }
            AssertReadsOrFailsCleanly(Build(header.ToString(), F8(1, 2, 3, 4)), header.ToString());
        }
    }

    [Test]
    public void Read_ReferenceA_HasTheValuesNumpyWrote()
    {
        NpyArray a = Npy.Read(Path.Combine(CaseFolder, "A.npy"));

        // Observed with Python's struct module on the file's C-order float64 data.
        Assert.That((a.Rows, a.Columns, a.WasVector), Is.EqualTo((8, 5, false)));
        Assert.That(a.ColumnMajor[0], Is.EqualTo(0.0012301533574825742));
        Assert.That(a.ColumnMajor[8], Is.EqualTo(0.2987455375084699), "A[0, 1]");
        Assert.That(a.ColumnMajor[1], Is.EqualTo(-0.9916465549964624), "A[1, 0]");
        Assert.That(a.ColumnMajor[39], Is.EqualTo(-0.11170194958415963), "A[7, 4]");
    }

    [Test]
    public void Read_ReferenceInputs_GiveTheReferenceObjective()
    {
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(
            Path.Combine(CaseFolder, "case.json")));
        double gamma = json.RootElement.GetProperty("scalars").GetProperty("gamma").GetDouble();
        double expected = json.RootElement.GetProperty("value").GetDouble();
        var a = Npy.Read(Path.Combine(CaseFolder, "A.npy")).ToMatrix();
        var s = Npy.Read(Path.Combine(CaseFolder, "s.npy")).ToMatrix();
        var x = Npy.Read(Path.Combine(CaseFolder, "x.npy")).ToMatrix();

        // norm(A*s - x,'fro')^2 + gamma*norm(A,'fro')^2; a transposed read would not match.
        double value = Math.Pow((a * s - x).FrobeniusNorm(), 2)
            + gamma * Math.Pow(a.FrobeniusNorm(), 2);

        Assert.That(value, Is.EqualTo(expected).Within(1e-10 * expected));
    }

    [Test]
    public void Read_EveryReferenceCase_MatchesTheShapesOfItsCaseFile()
    {
        foreach (string folder in Directory.GetDirectories(TestPaths.SharedCases))
        {
            using JsonDocument json = JsonDocument.Parse(
                File.ReadAllText(Path.Combine(folder, "case.json")));
            foreach (JsonProperty input in json.RootElement.GetProperty("inputs").EnumerateObject())
            {
                int rows = input.Value[0].GetInt32();
                int columns = input.Value[1].GetInt32();
                NpyArray array = Npy.Read(Path.Combine(folder, input.Name + ".npy"));

                Assert.That((array.Rows, array.Columns), Is.EqualTo((rows, columns)), input.Name);
                Assert.That(array.ColumnMajor.All(double.IsFinite), Is.True, input.Name);
            }
        }
    }

    private static IEnumerable<TestCaseData> DtypeCases() => s_dtypes.Select(
        d => new TestCaseData(d.Descr, d.Bytes, d.Expected).SetArgDisplayNames(d.Descr));

    private static IEnumerable<TestCaseData> HeaderVariants() => s_headerVariants.Select(
        (h, i) => new TestCaseData(h).SetArgDisplayNames($"variant {i}"));

    private static IEnumerable<TestCaseData> BadHeaders() => s_badHeaders.Select(
        (b, i) => new TestCaseData(b.Header, b.Message).SetArgDisplayNames($"case {i}"));

    private static void AssertReadsOrFailsCleanly(byte[] bytes, string what)
    {
        try
        {
            ReadBytes(bytes);
        }
        catch (AutoGradException e)
        {
            Assert.That(e.Kind, Is.EqualTo(ErrorKind.Format), what);
        }
    }

    private static MemoryStream Written(
        double[] columnMajor, int rows, int columns, bool asVector = false)
    {
        var stream = new MemoryStream();
        Npy.Write(stream, columnMajor, rows, columns, asVector);
        stream.Position = 0;
        return stream;
    }

    private static NpyArray ReadBytes(byte[] bytes) => Npy.Read(new MemoryStream(bytes), Name);

    private static string ErrorOf(byte[] bytes)
    {
        var e = Assert.Throws<AutoGradException>(() => ReadBytes(bytes));
        Assert.That(e!.Kind, Is.EqualTo(ErrorKind.Format));
        return e.Message;
    }

    private static string Dict(string descr, string shape, bool fortranOrder = false) =>
        $"{{'descr': '{descr}', 'fortran_order': {(fortranOrder ? "True" : "False")}, "
        + $"'shape': {shape}, }}";

    // A .npy file as a careful hand would build it: padded to 16 bytes, as readers must accept.
    private static byte[] Build(string header, byte[] data, int major = 1)
    {
        Encoding encoding = major == 3 ? Encoding.UTF8 : Encoding.Latin1;
        int prefix = major == 1 ? 10 : 12;
        int unpadded = prefix + encoding.GetByteCount(header) + 1;
        byte[] text = encoding.GetBytes(header + new string(' ', (16 - unpadded % 16) % 16) + "\n");
        var bytes = new List<byte>([0x93, .. "NUMPY"u8, (byte)major, 0]);
        var length = new byte[prefix - 8];
        if (major == 1)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(length, (ushort)text.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)text.Length);
        }
        return [.. bytes, .. length, .. text, .. data];
    }

    private static string HeaderOf(byte[] bytes)
    {
        int length = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        return Encoding.Latin1.GetString(bytes, 10, length);
    }

    private static double[] ValuesAfterPreamble(byte[] bytes)
    {
        int start = 10 + BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        return [.. Enumerable.Range(0, (bytes.Length - start) / 8)
            .Select(k => BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(start + 8 * k)))];
    }

    private static byte[] F8(params double[] values) => Encode(
        8, (b, v) => BinaryPrimitives.WriteDoubleLittleEndian(b, v), values);

    private static byte[] Encode(int size, SpanAction write, double[]? values = null)
    {
        values ??= Signed;
        var bytes = new byte[size * values.Length];
        for (int k = 0; k < values.Length; k++)
        {
            write(bytes.AsSpan(k * size, size), values[k]);
        }
        return bytes;
    }

    private delegate void SpanAction(Span<byte> bytes, double value);

    // A network-like stream: every read returns a single byte.
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer) =>
            base.Read(buffer[..Math.Min(1, buffer.Length)]);

        public override int Read(byte[] buffer, int offset, int count) =>
            base.Read(buffer, offset, Math.Min(1, count));
    }
}

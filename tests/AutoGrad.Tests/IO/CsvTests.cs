using AutoGrad.Diagnostics;
using AutoGrad.IO;
using NUnit.Framework;

namespace AutoGrad.Tests.IO;

/// <summary>CSV reading: the forms of numbers and lines it accepts, and each error's message.</summary>
[TestFixture]
public sealed class CsvTests
{
    private const string Name = "t.csv";
    private const string Prefix = "cannot read 't.csv' as CSV: ";

    [Test]
    public void Read_Rows_BecomeMatrixRows()
    {
        var m = Csv.Read(new StringReader("1,2,3\n4,5,6\n"), Name);

        Assert.That(m.ToArray(), Is.EqualTo(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }));
    }

    [Test]
    public void Read_BlanksCrLfAndBlankLines_AreAccepted()
    {
        var m = Csv.Read(new StringReader(" -1.5 , 2e-3\r\n\r\n+7,  .25 \r\n\n"), Name);

        Assert.That(m.ToArray(), Is.EqualTo(new[,] { { -1.5, 2e-3 }, { 7, 0.25 } }));
    }

    [Test]
    public void Read_NaNAndInfinities_AreNumbers()
    {
        var m = Csv.Read(new StringReader("NaN,Inf,-inf,Infinity"), Name);

        Assert.That(m.Row(0).ToArray(), Is.EqualTo(new[]
        {
            double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity,
        }));
    }

    [Test]
    public void Read_Header_IsSkippedWhenAskedFor()
    {
        var m = Csv.Read(new StringReader("a;b\n1;2\n"), Name, header: true, separator: ';');

        Assert.That(m.ToArray(), Is.EqualTo(new double[,] { { 1, 2 } }));
    }

    [TestCase("", "it has no rows")]
    [TestCase("\n \n", "it has no rows")]
    [TestCase("1,2\n3,x\n", "line 2, field 2: 'x' is not a number")]
    [TestCase("1,,2\n", "line 1, field 2: the field is empty")]
    [TestCase("\"1\",2\n", "line 1, field 1: '\"1\"' is not a number")]
    [TestCase("1,2\n\n3\n", "line 3 has 1 field, but the first row has 2")]
    [TestCase("1\n2,3,4\n", "line 2 has 3 fields, but the first row has 1")]
    [TestCase("1,2\n3,4\n1,2,3,4,5,6,7,8,9,0,1,2,3,4x\n", "line 3, field 14: '4x' is not a number")]
    [TestCase("1,abcdefghijklmnopqrstuvwxyz0123",
        "line 1, field 2: 'abcdefghijklmnopqrstuvwx...' is not a number")]
    public void Read_MalformedText_SaysWhereAndWhat(string text, string message)
    {
        var e = Assert.Throws<AutoGradException>(() => Csv.Read(new StringReader(text), Name));

        Assert.That(e!.Kind, Is.EqualTo(ErrorKind.Format));
        Assert.That(e.Message, Is.EqualTo(Prefix + message));
    }

    [Test]
    public void Read_File_ReadsItAndNamesItInErrors()
    {
        string path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "csv-tests.csv");
        File.WriteAllText(path, "1,2\n3\n");

        var e = Assert.Throws<AutoGradException>(() => Csv.Read(path));

        Assert.That(e!.Message, Is.EqualTo(
            $"cannot read '{path}' as CSV: line 2 has 1 field, but the first row has 2"));
    }

    [Test]
    public void Read_MissingFile_NamesThePath()
    {
        string path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "no-such.csv");

        var e = Assert.Throws<AutoGradException>(() => Csv.Read(path));

        Assert.That(e!.Message, Is.EqualTo($"cannot read '{path}': no such file"));
    }
}

using System.Globalization;
using System.Text.Json;
using AutoGrad.IO;
using NUnit.Framework;

namespace AutoGrad.Tests.Cli;

/// <summary>
/// <c>autograd eval</c> on every reference case of ../shared/cases: the value on the last
/// line of standard output and each gradient in DIR/NAME.npy, both within 1e-10 of what an
/// independent system computed.
/// </summary>
[TestFixture]
public sealed class EvalCommandTests
{
    private const double Tolerance = 1e-10;

    private string _out = "";

    private static IEnumerable<TestCaseData> Cases() =>
        Directory.GetDirectories(TestPaths.SharedCases)
            .Where(d => File.Exists(Path.Combine(d, "case.json")))
            .Order(StringComparer.Ordinal)
            .Select(d => Path.GetFileName(d))
            .Select(name => new TestCaseData(name).SetArgDisplayNames(name));

    [SetUp]
    public void CreateOutputFolder()
    {
        _out = Path.Combine(Path.GetTempPath(), $"autograd-eval-{Guid.NewGuid():N}");
    }

    [TearDown]
    public void DeleteOutputFolder()
    {
        if (Directory.Exists(_out))
        {
            Directory.Delete(_out, recursive: true);
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Eval_SharedCase_PrintsValueLast(string name)
    {
        using JsonDocument json = ReadCase(name);

        CliRun run = CliRun.Of(EvalArgs(name, json.RootElement, Objective(json.RootElement)));

        Assert.That((run.ExitCode, run.Error), Is.EqualTo((0, "")));
        double value = double.Parse(
            run.OutputLines[^1], NumberStyles.Float, CultureInfo.InvariantCulture);
        double expected = json.RootElement.GetProperty("value").GetDouble();
        Assert.That(Math.Abs(value - expected),
            Is.LessThanOrEqualTo(Tolerance * Math.Abs(expected)));
    }

    [TestCaseSource(nameof(Cases))]
    public void Eval_SharedCase_WritesEachGradient(string name)
    {
        using JsonDocument json = ReadCase(name);

        CliRun run = CliRun.Of(EvalArgs(name, json.RootElement, Objective(json.RootElement)));

        Assert.That((run.ExitCode, run.Error), Is.EqualTo((0, "")));
        Assert.Multiple(() =>
        {
            foreach (string wrt in Names(json.RootElement, "wrt"))
            {
                AssertGradient(name, wrt);
            }
        });
    }

    [TestCaseSource(nameof(Cases))]
    public void Eval_ObjectiveFromFile_PrintsSameOutput(string name)
    {
        using JsonDocument json = ReadCase(name);
        string inline = Objective(json.RootElement);
        string file = Path.Combine(Path.GetTempPath(), $"autograd-{Guid.NewGuid():N}.m");
        File.WriteAllText(file, "% " + name + "\n" + inline + "\n");
        try
        {
            CliRun fromText = CliRun.Of(EvalArgs(name, json.RootElement, inline));
            CliRun fromFile = CliRun.Of(EvalArgs(name, json.RootElement, "@" + file));

            Assert.That(fromFile, Is.EqualTo(fromText));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public void Eval_WithoutWrt_PrintsValueAndWritesNothing()
    {
        CliRun run = CliRun.Of("eval", "a*b + c", "--set", "a=2", "--set", "b=0.5",
            "--set", "c=-1e-3", "--out", _out);

        Assert.That(run, Is.EqualTo(new CliRun(0, "0.999\n", "")));
        Assert.That(Directory.Exists(_out), Is.False);
    }

    [Test]
    public void Eval_ValueLine_RoundTripsTheDouble()
    {
        CliRun run = CliRun.Of("eval", "pi/3");

        string expected = (Math.PI / 3).ToString("R", CultureInfo.InvariantCulture);
        Assert.That(run, Is.EqualTo(new CliRun(0, expected + "\n", "")));
    }

    [Test]
    public void Eval_VectorData_WritesVectorGradient()
    {
        Directory.CreateDirectory(_out);
        string data = Path.Combine(_out, "v.npy");
        Npy.Write(data, [1, 2, 3], 3, 1, asVector: true);

        CliRun run = CliRun.Of("eval", "sum(v.^2)", "--data", $"v={data}", "--wrt", "v",
            "--out", Path.Combine(_out, "grad"));

        NpyArray gradient = Npy.Read(Path.Combine(_out, "grad", "v.npy"));
        Assert.That(run, Is.EqualTo(new CliRun(0, "14\n", "")));
        Assert.That(gradient.WasVector, Is.True);
        Assert.That(gradient.ToMatrix().ToColumnMajorArray(), Is.EqualTo(new double[] { 2, 4, 6 }));
    }

    private void AssertGradient(string name, string wrt)
    {
        string folder = Path.Combine(TestPaths.SharedCases, name);
        var expected = Npy.Read(Path.Combine(folder, $"expected.{wrt}.npy")).ToMatrix();
        NpyArray written = Npy.Read(Path.Combine(_out, wrt + ".npy"));
        var actual = written.ToMatrix();

        Assert.That((written.Rows, written.Columns),
            Is.EqualTo((expected.RowCount, expected.ColumnCount)), wrt);
        double scale = expected.Enumerate().Max(Math.Abs);
        double error = (actual - expected).Enumerate().Max(Math.Abs);
        Assert.That(error, Is.LessThanOrEqualTo(Tolerance * scale), $"d/d{wrt}");
    }

    private string[] EvalArgs(string name, JsonElement json, string objective)
    {
        string folder = Path.Combine(TestPaths.SharedCases, name);
        var args = new List<string> { "eval", objective };
        foreach (JsonProperty input in json.GetProperty("inputs").EnumerateObject())
        {
            args.AddRange(["--data", $"{input.Name}={Path.Combine(folder, input.Name + ".npy")}"]);
        }
        foreach (JsonProperty scalar in json.GetProperty("scalars").EnumerateObject())
        {
            string number = scalar.Value.GetDouble().ToString("R", CultureInfo.InvariantCulture);
            args.AddRange(["--set", $"{scalar.Name}={number}"]);
        }
        args.AddRange(["--wrt", string.Join(",", Names(json, "wrt")), "--out", _out]);
        return [.. args];
    }

    private static JsonDocument ReadCase(string name) =>
        JsonDocument.Parse(
            File.ReadAllText(Path.Combine(TestPaths.SharedCases, name, "case.json")));

    private static string Objective(JsonElement json) => json.GetProperty("objective").GetString()!;

    private static string[] Names(JsonElement json, string property) =>
        [.. json.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];
}

using System.Text.Json;
using AutoGrad.Graph;
using AutoGrad.IO;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Tests.Support;

/// <summary>
/// One reference case of ../shared/cases: an objective, its inputs and scalars, and the value
/// and gradients an independent system computed for them.
/// </summary>
/// <param name="Name">The case's folder name.</param>
/// <param name="Objective">The objective's text.</param>
/// <param name="Scalars">Named constants, bound as compile-time constants.</param>
/// <param name="Wrt">The variables differentiated.</param>
/// <param name="Value">The expected value.</param>
/// <param name="Inputs">Every input, read from NAME.npy.</param>
/// <param name="Expected">The expected gradients, read from expected.NAME.npy.</param>
internal sealed record SeedCase(
    string Name,
    string Objective,
    IReadOnlyDictionary<string, double> Scalars,
    IReadOnlyList<string> Wrt,
    double Value,
    IReadOnlyDictionary<string, Matrix<double>> Inputs,
    IReadOnlyDictionary<string, Matrix<double>> Expected)
{
    /// <summary>The options that bind the case: each input's shape, and the scalars.</summary>
    public ObjectiveOptions Options()
    {
        var options = new ObjectiveOptions();
        foreach (var (name, matrix) in Inputs)
        {
            options.Shapes[name] = Shape.Of(matrix.RowCount, matrix.ColumnCount);
        }
        foreach (var (name, value) in Scalars)
        {
            options.Constants[name] = value;
        }
        return options;
    }

    /// <inheritdoc/>
    public override string ToString() => Name;
}

/// <summary>Reads the reference cases from <see cref="TestPaths.SharedCases"/>.</summary>
internal static class SeedCases
{
    /// <summary>The folder names of the cases, sorted.</summary>
    public static IEnumerable<string> Names() =>
        Directory.GetDirectories(TestPaths.SharedCases)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

    /// <summary>The case in the folder <paramref name="name"/>.</summary>
    public static SeedCase Load(string name)
    {
        string folder = Path.Combine(TestPaths.SharedCases, name);
        string path = Path.Combine(folder, "case.json");
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(path));
        JsonElement root = json.RootElement;
        var scalars = root.GetProperty("scalars").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetDouble());
        string[] wrt = [.. root.GetProperty("wrt").EnumerateArray().Select(e => e.GetString()!)];
        var inputs = root.GetProperty("inputs").EnumerateObject()
            .ToDictionary(p => p.Name, p => Read(folder, p.Name + ".npy"));
        var expected = wrt.ToDictionary(w => w, w => Read(folder, $"expected.{w}.npy"));
        return new SeedCase(name, root.GetProperty("objective").GetString()!, scalars, wrt,
            root.GetProperty("value").GetDouble(), inputs, expected);
    }

    /// <summary>The input shapes, rows x columns, as the case's case.json lists them.</summary>
    public static IReadOnlyDictionary<string, (int Rows, int Cols)> DeclaredShapes(string name)
    {
        string path = Path.Combine(TestPaths.SharedCases, name, "case.json");
        using JsonDocument json = JsonDocument.Parse(File.ReadAllText(path));
        return json.RootElement.GetProperty("inputs").EnumerateObject().ToDictionary(
            p => p.Name, p => (p.Value[0].GetInt32(), p.Value[1].GetInt32()));
    }

    private static Matrix<double> Read(string folder, string file) =>
        Npy.Read(Path.Combine(folder, file)).ToMatrix();
}

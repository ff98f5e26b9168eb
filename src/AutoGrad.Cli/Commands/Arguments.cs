using System.Globalization;
using System.Text.RegularExpressions;
using AutoGrad.Graph;
using AutoGrad.IO;

namespace AutoGrad.Cli.Commands;

/// <summary>Parsing of the arguments the commands share.</summary>
internal static partial class Arguments
{
    /// <summary>The objective text: the argument itself, or the file named after '@'.</summary>
    public static string ObjectiveText(string argument)
    {
        if (!argument.StartsWith('@'))
        {
            return argument;
        }
        string path = argument[1..];
        if (!File.Exists(path))
        {
            throw new UsageException($"cannot read the objective: no file '{path}'");
        }
        return File.ReadAllText(path);
    }

    /// <summary>Names from --wrt A,B --wrt C, each once, in the order first given.</summary>
    public static string[] Names(IEnumerable<string>? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',',
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct()];

    /// <summary>NAME=VALUE pairs.</summary>
    public static IEnumerable<(string Name, string Value)> Pairs(IEnumerable<string>? values, string option)
    {
        foreach (string item in values ?? [])
        {
            int eq = item.IndexOf('=');
            if (eq <= 0 || eq == item.Length - 1)
            {
                throw new UsageException($"{option} expects NAME=VALUE, got '{item}'");
            }
            yield return (item[..eq].Trim(), item[(eq + 1)..].Trim());
        }
    }

    /// <summary>A number given to --set.</summary>
    public static double Number(string name, string text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new UsageException($"--set {name}= expects a number, got '{text}'");
        }
        return value;
    }

    /// <summary>
    /// The arrays of --data NAME=FILE.npy, in the order given; each one's shape goes into
    /// <paramref name="options"/>.
    /// </summary>
    public static Dictionary<string, NpyArray> Data(
        IEnumerable<string>? values, ObjectiveOptions options)
    {
        var arrays = new Dictionary<string, NpyArray>();
        foreach (var (name, path) in Pairs(values, "--data"))
        {
            NpyArray array = Npy.Read(path);
            arrays[name] = array;
            options.Shapes[name] = Graph.Shape.Of(array.Rows, array.Columns);
        }
        return arrays;
    }

    /// <summary>The numbers of --set NAME=NUMBER, as constants in <paramref name="options"/>.</summary>
    public static void Constants(IEnumerable<string>? values, ObjectiveOptions options)
    {
        foreach (var (name, text) in Pairs(values, "--set"))
        {
            options.Constants[name] = Number(name, text);
        }
    }

    /// <summary>A shape such as 8x5, n x k or 8,5.</summary>
    public static Shape Shape(string name, string text)
    {
        Match m = ShapePattern().Match(text);
        if (!m.Success)
        {
            throw new UsageException(
                $"--shape {name}= expects ROWSxCOLS such as 8x5 or n x k, got '{text}'");
        }
        return new Shape(Dim(m.Groups[1].Value), Dim(m.Groups[2].Value));
    }

    private static Dim Dim(string text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long size)
            ? Graph.Dim.Of(size) : Graph.Dim.Symbol(text);

    [GeneratedRegex(@"^\s*([0-9]+|[A-Za-wyzA-Z_][A-Za-z0-9_]*?)\s*[x,]\s*([0-9]+|[A-Za-z_][A-Za-z0-9_]*)\s*$")]
    private static partial Regex ShapePattern();
}

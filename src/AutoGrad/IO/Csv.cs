using System.Globalization;
using AutoGrad.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.IO;

/// <summary>
/// Reads a matrix of numbers from comma-separated text: one matrix row per line, the same
/// number of fields on every line.
/// </summary>
/// <remarks>
/// Reading is strict, so that a misread file fails rather than yields wrong numbers: every
/// field must be a number in the invariant culture (<c>-1.5</c>, <c>2e-3</c>, <c>NaN</c>,
/// <c>Inf</c>, <c>-Inf</c>), with blanks around it allowed; quotes, empty fields and text are
/// errors that name the line and field. Blank lines are skipped; the line ends may be
/// <c>\n</c> or <c>\r\n</c>. A header line is skipped only when asked for.
/// </remarks>
public static class Csv
{
    /// <summary>Reads the CSV file at <paramref name="path"/> as a matrix.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="header">Skip the first line, which names the columns.</param>
    /// <param name="separator">The field separator; a comma unless given.</param>
    /// <exception cref="AutoGradException">
    /// Of kind <see cref="ErrorKind.Format"/> when the file cannot be opened, has no rows, or a
    /// field is not a number or a row has another number of fields than the first.
    /// </exception>
    public static Matrix<double> Read(string path, bool header = false, char separator = ',')
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw Errors.FileUnreadable(path, Directory.Exists(path)
                ? "it is a folder, not a file" : "no such file");
        }

        using var reader = new StreamReader(path);
        return Read(reader, path, header, separator);
    }

    /// <summary>Reads CSV text from <paramref name="reader"/> as a matrix.</summary>
    /// <param name="reader">The text.</param>
    /// <param name="name">A name for the input in error messages, such as its file name.</param>
    /// <param name="header">Skip the first line, which names the columns.</param>
    /// <param name="separator">The field separator; a comma unless given.</param>
    /// <exception cref="AutoGradException">
    /// Of kind <see cref="ErrorKind.Format"/> when the text has no rows, a field is not a
    /// number, or a row has another number of fields than the first.
    /// </exception>
    public static Matrix<double> Read(
        TextReader reader, string? name = null, bool header = false, char separator = ',')
    {
        ArgumentNullException.ThrowIfNull(reader);

        var rows = new List<double[]>();
        int lineNumber = 0;
        if (header)
        {
            reader.ReadLine();
            lineNumber++;
        }
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            double[] row = ParseRow(line, separator, name, lineNumber);
            if (rows.Count > 0 && row.Length != rows[0].Length)
            {
                throw Errors.CsvRagged(name, lineNumber, row.Length, rows[0].Length);
            }
            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            throw Errors.CsvEmpty(name);
        }
        return Matrix<double>.Build.DenseOfRowArrays(rows);
    }

    private static double[] ParseRow(string line, char separator, string? name, int lineNumber)
    {
        string[] fields = line.Split(separator);
        var row = new double[fields.Length];
        for (int i = 0; i < fields.Length; i++)
        {
            row[i] = ParseField(fields[i].Trim())
                ?? throw Errors.CsvNotANumber(name, lineNumber, i + 1, fields[i].Trim());
        }
        return row;
    }

    private static double? ParseField(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
        {
            return v;
        }
        return text.ToUpperInvariant() switch
        {
            "INF" or "+INF" => double.PositiveInfinity,
            "-INF" => double.NegativeInfinity,
            _ => null,
        };
    }
}

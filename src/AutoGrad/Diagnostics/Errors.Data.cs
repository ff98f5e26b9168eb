using static System.FormattableString;

namespace AutoGrad.Diagnostics;

/// <summary>Errors raised while reading data sets: IDX (the MNIST format) and CSV.</summary>
internal static partial class Errors
{
    private const int CsvQuoteLength = 24;

    /// <summary>Input that starts neither with the IDX magic nor with gzip's.</summary>
    internal static AutoGradException IdxBadMagic(string? file, byte first, byte second) =>
        IdxFormat(file, Invariant($"it starts with the bytes 0x{first:X2} 0x{second:X2}, ")
            + "but an IDX file starts with two zero bytes (or is gzip, 0x1F 0x8B)");

    /// <summary>Input that ends inside the header (magic and sizes).</summary>
    internal static AutoGradException IdxTruncatedHeader(string? file, long got, long needed) =>
        IdxFormat(file, got == 0
            ? "it is empty"
            : Invariant($"it ends after {got} bytes, inside its {needed}-byte header"));

    /// <summary>A data type code other than the six the format defines.</summary>
    internal static AutoGradException IdxDataType(string? file, byte code) =>
        IdxFormat(file, Invariant($"unknown data type code 0x{code:X2} ")
            + "(expected 0x08, 0x09, 0x0B, 0x0C, 0x0D or 0x0E)");

    /// <summary>A file of the wrong rank for what is read: images need 3, labels 1.</summary>
    internal static AutoGradException IdxRank(string? file, string what, int expected, int got) =>
        IdxFormat(file, Invariant($"{what} need {expected} dimension{DataPlural(expected)},")
            + Invariant($" but it has {got}"));

    /// <summary>Images of a type other than unsigned bytes, so pixel scaling is undefined.</summary>
    internal static AutoGradException IdxPixelType(string? file, string type) =>
        IdxFormat(file, $"images must hold unsigned bytes (type 0x08), but it holds {type}");

    /// <summary>Labels stored as floating-point numbers.</summary>
    internal static AutoGradException IdxLabelType(string? file, string type) =>
        IdxFormat(file, $"labels must hold integers, but it holds {type}");

    /// <summary>Sizes whose product does not fit a matrix.</summary>
    internal static AutoGradException IdxTooLarge(string? file, string sizes, long limit) =>
        IdxFormat(file, Invariant(
            $"sizes {sizes} are too large: a matrix holds at most {limit} elements"));

    /// <summary>Data that ends before the sizes are filled.</summary>
    internal static AutoGradException IdxDataShort(
        string? file, long got, long needed, string sizes) =>
        IdxFormat(file, Invariant(
            $"the data holds {got} of the {needed} values that sizes {sizes} need"));

    /// <summary>Bytes after the last value, which suggests that the header is wrong.</summary>
    internal static AutoGradException IdxTrailing(string? file, long needed, string sizes) =>
        IdxFormat(file, Invariant(
            $"it has bytes after the {needed} values that sizes {sizes} need"));

    /// <summary>A gzip stream that cannot be decompressed.</summary>
    internal static AutoGradException IdxGzip(string? file, string reason) =>
        IdxFormat(file, $"its gzip data is damaged ({reason})");

    /// <summary>A CSV file with no rows.</summary>
    internal static AutoGradException CsvEmpty(string? file) =>
        CsvFormat(file, "it has no rows");

    /// <summary>A CSV field that is not a number.</summary>
    internal static AutoGradException CsvNotANumber(
        string? file, int line, int field, string text) =>
        CsvFormat(file, Invariant($"line {line}, field {field}: ")
            + (text.Length == 0 ? "the field is empty" : $"'{CsvClip(text)}' is not a number"));

    /// <summary>A CSV row with a different number of fields from the first row.</summary>
    internal static AutoGradException CsvRagged(string? file, int line, int got, int expected) =>
        CsvFormat(file, Invariant($"line {line} has {got} field{DataPlural(got)},")
            + Invariant($" but the first row has {expected}"));

    private static AutoGradException IdxFormat(string? file, string what) =>
        Plain(ErrorKind.Format, $"cannot read {Source(file)} as IDX: {what}");

    private static AutoGradException CsvFormat(string? file, string what) =>
        Plain(ErrorKind.Format, $"cannot read {Source(file)} as CSV: {what}");

    private static string Source(string? file) => file is null ? "the stream" : $"'{file}'";

    private static string DataPlural(int count) => count == 1 ? "" : "s";

    private static string CsvClip(string text) =>
        text.Length <= CsvQuoteLength ? text : text[..CsvQuoteLength] + "...";
}

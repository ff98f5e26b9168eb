namespace AutoGrad.Diagnostics;

/// <summary>Errors raised while reading data files such as NumPy's .npy.</summary>
internal static partial class Errors
{
    private const int NpyQuoteLength = 40;

    /// <summary>A file that cannot be opened at all (missing, a folder, no permission).</summary>
    internal static AutoGradException FileUnreadable(string path, string reason) =>
        Plain(ErrorKind.Format, $"cannot read '{path}': {reason}");

    /// <summary>Input that does not start with the .npy magic string.</summary>
    internal static AutoGradException NpyBadMagic(string? file, bool isZip) =>
        NpyFormat(file, isZip
            ? "it is a zip archive (an .npz?); extract its .npy members and read those instead"
            : "it does not start with the magic string \\x93NUMPY, so it is not a .npy file");

    /// <summary>Input that ends before the preamble (magic, version, header) is complete.</summary>
    internal static AutoGradException NpyTruncated(string? file, long got, long needed) =>
        NpyFormat(file, got == 0
            ? "it is empty"
            : NpyText($"it ends after {got} bytes, inside its {needed}-byte preamble"));

    /// <summary>A format version other than 1.0, 2.0 or 3.0.</summary>
    internal static AutoGradException NpyVersion(string? file, int major, int minor) =>
        NpyFormat(file, NpyText(
            $"unsupported format version {major}.{minor} (expected 1.0, 2.0 or 3.0)"));

    /// <summary>A header length beyond what any real array needs.</summary>
    internal static AutoGradException NpyHeaderTooLong(string? file, long length, int limit) =>
        NpyFormat(file, NpyText(
            $"its header claims {length} bytes, more than the limit of {limit}"));

    /// <summary>
    /// A header that is not a Python dict literal; <paramref name="position"/> counts characters
    /// of the header from 1.
    /// </summary>
    internal static AutoGradException NpyHeaderSyntax(
        string? file, string expected, string found, int position) =>
        NpyFormat(file, "the header is not a Python dict literal: " + NpyText(
            $"expected {expected} but found {NpyClip(found)} at character {position}"));

    /// <summary>A header whose brackets nest deeper than the parser follows.</summary>
    internal static AutoGradException NpyHeaderTooDeep(string? file, int limit) =>
        NpyFormat(file, NpyText($"the header nests brackets deeper than {limit} levels"));

    /// <summary>A header without one of the keys 'descr', 'fortran_order' and 'shape'.</summary>
    internal static AutoGradException NpyMissingKey(string? file, string key) =>
        NpyFormat(file, $"the header has no '{key}' key");

    /// <summary>A header that gives one key twice, so its meaning is ambiguous.</summary>
    internal static AutoGradException NpyDuplicateKey(string? file, string key) =>
        NpyFormat(file, $"the header gives the key '{NpyClip(key)}' twice");

    /// <summary>A header key whose value has the wrong kind.</summary>
    internal static AutoGradException NpyBadValue(
        string? file, string key, string expected, string found) =>
        NpyFormat(file, $"'{key}' must be {expected}, not {NpyClip(found)}");

    /// <summary>A dtype that is not a real number type.</summary>
    internal static AutoGradException NpyDtype(string? file, string dtype) =>
        NpyFormat(file,
            $"unsupported dtype {NpyClip(dtype)} (expected a real number type such as '<f8')");

    /// <summary>An object array, which only Python itself can decode.</summary>
    internal static AutoGradException NpyObjectDtype(string? file, string dtype) =>
        NpyFormat(file, $"dtype {NpyClip(dtype)} holds Python objects, not numbers "
            + "(save the array with a numeric dtype such as '<f8')");

    /// <summary>An array of more than two dimensions.</summary>
    internal static AutoGradException NpyDimensions(string? file, string shape, int count) =>
        NpyFormat(file, NpyText(
            $"shape {NpyClip(shape)} has {count} dimensions, but only 0, 1 or 2 are supported"));

    /// <summary>A shape whose rows, columns or element count exceed what arrays hold.</summary>
    internal static AutoGradException NpyTooLarge(string? file, string shape, long limit) =>
        NpyFormat(file, $"shape {NpyClip(shape)} is too large: " + NpyText(
            $"a matrix holds at most {limit} rows, columns or elements"));

    /// <summary>Array data that ends before the shape is filled.</summary>
    internal static AutoGradException NpyDataShort(
        string? file, long got, long needed, string shape) =>
        NpyFormat(file, NpyText(
            $"the data holds {got} of the {needed} values that shape {shape} needs"));

    private static AutoGradException NpyFormat(string? file, string what)
    {
        string source = file is null ? "the stream" : $"'{file}'";
        return Plain(ErrorKind.Format, $"cannot read {source} as .npy: {what}");
    }

    // A header can be a megabyte of junk; a message quotes only its start.
    private static string NpyClip(string text) =>
        text.Length <= NpyQuoteLength ? text : text[..NpyQuoteLength] + "...";

    // Numbers in messages must not depend on the user's culture.
    private static string NpyText(FormattableString text) => FormattableString.Invariant(text);
}

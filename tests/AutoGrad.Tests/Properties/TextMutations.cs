using CsCheck;

namespace AutoGrad.Tests.Properties;

/// <summary>
/// Broken texts: random strings of the language's pieces and of any characters, and valid
/// objectives with characters and tokens inserted, deleted, replaced, doubled or cut off.
/// Every text stays short, so no case can take long.
/// </summary>
internal static class TextMutations
{
    /// <summary>Tokens, fragments and odd characters a mutation puts into a text.</summary>
    public static readonly string[] Pieces =
    [
        "(", ")", "'", "\"", ",", ";", "\n", "\r", "\t", " ", ":", "=", "==", "~=", "<", ">=",
        "+", "-", "*", "/", "\\", "^", ".*", "./", ".^", ".'", "...", "%", "#", "~", "[", "]",
        "{", "}", "@", "!", "&", "$", "x", "A", "u", "S", "t", "n", "k", " x ", "0", "1", "3",
        "9", ".", "e", "1e999", "1e-999", "-0", "NaN", "Inf", "pi", "eps", "2.5", "1e5",
        "sum(", "mean(", "norm(", "max(", "eye(", "ones(", "zeros(", "reshape(", "size(",
        "numel(", "trace(", "log(", "sqrt(", "exp(", "(:)", "'fro'", "'all'", ", 1)", ", 2)",
        "A: n x k;", "t = ", "é", "\0", "\u0007", "\u200b", "\uFEFF", "\uD83D", "\uDE00",
        "\U0001F600", "System.IO.File", "GetType(", "../etc/passwd",
    ];

    /// <summary>A string of up to 40 pieces and arbitrary UTF-16 code units.</summary>
    public static Gen<string> RandomText { get; } = Gen.Frequency(
            (3, Gen.OneOf<string>(Pieces)),
            (1, Gen.Int[0, 0xFFFF].Select(c => ((char)c).ToString())))
        .Array[0, 40].Select(string.Concat);

    // Declared before Mutated, which reads it while the class is initialised.
    private static Gen<Func<string, string>> Mutation { get; } =
        Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Int[1, 6], Gen.OneOf<string>(Pieces),
            (kind, at, length, piece) => (Func<string, string>)(text => Apply(
                text, kind, (int)(at * text.Length), length, piece)));

    /// <summary>A valid objective with one to four mutations.</summary>
    public static Gen<string> Mutated { get; } =
        Gen.Select(ObjectiveGen.Objective, Mutation.Array[1, 4],
            (text, mutations) => mutations.Aggregate(text, (t, m) => m(t)));

    private static string Apply(string text, int kind, int at, int length, string piece)
    {
        int end = Math.Min(text.Length, at + length);
        return kind switch
        {
            0 => text.Insert(at, piece),
            1 => text.Remove(at, end - at),
            2 => string.Concat(text.AsSpan(0, at), piece, text.AsSpan(end)),
            3 => text.Insert(at, text[at..end]),
            _ => text[..at],
        };
    }
}

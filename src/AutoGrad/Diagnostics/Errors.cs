namespace AutoGrad.Diagnostics;

/// <summary>
/// The factory for every user-facing error, so that all messages live together and read alike:
/// what was wrong, the values involved, and where.
/// </summary>
internal static partial class Errors
{
    private const int QuoteWidth = 100;

    /// <summary>An error with no place in the objective's text.</summary>
    internal static AutoGradException Plain(ErrorKind kind, string summary) =>
        new(kind, summary, 0, 0, summary);

    /// <summary>An error pointing at <paramref name="span"/> of <paramref name="source"/>.</summary>
    internal static AutoGradException At(ErrorKind kind, string summary, SourceText? source, SourceSpan span)
    {
        if (source is null || !span.IsKnown)
        {
            return Plain(kind, summary);
        }

        var (line, column) = source.Locate(span.Start);
        var (quoted, at, end) = Quote(source.LineText(line), column - 1);
        int width = Math.Max(1, Math.Min(span.Length, end - at));
        string caret = Indent(quoted, at) + new string('^', width);
        string message = $"{summary}\n  at line {line}, column {column}:\n  {quoted}\n  {caret}";
        return new AutoGradException(kind, summary, line, column, message);
    }

    // A line longer than QuoteWidth (a whole objective on one line) is quoted only around the
    // error, with "..." where it is cut; at is where the error starts in the quote, end where
    // the quoted source ends.
    private static (string Text, int At, int End) Quote(string lineText, int index)
    {
        if (lineText.Length <= QuoteWidth)
        {
            return (lineText, index, lineText.Length);
        }
        int start = Math.Clamp(index - QuoteWidth / 2, 0, lineText.Length - QuoteWidth);
        string head = start > 0 ? "..." : "";
        string tail = start + QuoteWidth < lineText.Length ? "..." : "";
        string text = head + lineText.Substring(start, QuoteWidth) + tail;
        return (text, index - start + head.Length, head.Length + QuoteWidth);
    }

    // Blanks as wide as the first count characters of the line: a tab stays a tab, so the
    // caret lines up under the source line however a terminal expands tabs.
    private static string Indent(string lineText, int count) =>
        string.Concat(Enumerable.Range(0, count)
            .Select(i => i < lineText.Length && lineText[i] == '\t' ? '\t' : ' '));
}

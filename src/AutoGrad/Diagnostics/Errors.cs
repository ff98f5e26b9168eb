namespace AutoGrad.Diagnostics;

/// <summary>
/// The factory for every user-facing error, so that all messages live together and read alike:
/// what was wrong, the values involved, and where.
/// </summary>
internal static partial class Errors
{
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
        string lineText = source.LineText(line);
        int width = Math.Max(1, Math.Min(span.Length, lineText.Length - column + 1));
        string caret = new string(' ', column - 1) + new string('^', width);
        string message = $"{summary}\n  at line {line}, column {column}:\n  {lineText}\n  {caret}";
        return new AutoGradException(kind, summary, line, column, message);
    }
}

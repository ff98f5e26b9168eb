namespace AutoGrad.Diagnostics;

/// <summary>
/// The one exception type the library throws for bad input. Its <see cref="ErrorKind"/> says
/// which family it is; where the error has a place in the objective's text, the message ends with
/// the line, the column and the source line with a caret under the offending part.
/// </summary>
public sealed class AutoGradException : Exception
{
    internal AutoGradException(ErrorKind kind, string summary, int line, int column, string message)
        : base(message)
    {
        Kind = kind;
        Summary = summary;
        Line = line;
        Column = column;
    }

    /// <summary>The family of the error.</summary>
    public ErrorKind Kind { get; }

    /// <summary>The first line of the message: what was wrong, without the location.</summary>
    public string Summary { get; }

    /// <summary>The 1-based line in the objective's text, or 0 when the error has no place there.</summary>
    public int Line { get; }

    /// <summary>The 1-based column in the objective's text, or 0 when the error has no place there.</summary>
    public int Column { get; }
}

namespace AutoGrad.Diagnostics;

/// <summary>A range of characters in an objective's text, used to point errors at the user's source.</summary>
/// <param name="Start">Offset of the first character, from 0.</param>
/// <param name="Length">Number of characters covered; 0 for a point.</param>
public readonly record struct SourceSpan(int Start, int Length)
{
    /// <summary>A span that points nowhere: used for nodes built by the library itself.</summary>
    public static SourceSpan None { get; } = new(-1, 0);

    /// <summary>True when the span points into a source text.</summary>
    public bool IsKnown => Start >= 0;

    /// <summary>Offset one past the last character.</summary>
    public int End => Start + Length;

    /// <summary>The smallest span covering both; an unknown side is ignored.</summary>
    public SourceSpan Cover(SourceSpan other)
    {
        if (!IsKnown)
        {
            return other;
        }
        if (!other.IsKnown)
        {
            return this;
        }
        int start = Math.Min(Start, other.Start);
        return new SourceSpan(start, Math.Max(End, other.End) - start);
    }
}

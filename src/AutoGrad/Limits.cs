namespace AutoGrad;

/// <summary>
/// The bounds that keep the cost of compiling any text finite. Each is checked where it applies
/// and reported as an error of kind <see cref="Diagnostics.ErrorKind.Limit"/>.
/// </summary>
public static class Limits
{
    /// <summary>The largest size of one dimension.</summary>
    public const long MaxDimension = 1L << 30;

    /// <summary>The most entries one matrix may hold (rows times columns).</summary>
    public const long MaxEntries = 1L << 30;

    /// <summary>The longest objective text, in characters.</summary>
    public const int MaxSourceLength = Syntax.Lexer.MaxLength;

    /// <summary>The most graph nodes one objective and its gradients may need.</summary>
    public const int MaxNodes = Graph.Graph.MaxNodes;
}

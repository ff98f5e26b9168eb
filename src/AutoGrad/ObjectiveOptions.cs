using AutoGrad.Graph;

namespace AutoGrad;

/// <summary>What an objective's text is compiled with, besides the text itself.</summary>
public sealed class ObjectiveOptions
{
    /// <summary>
    /// The shapes of variables, as a declaration <c>A: n x k</c> in the text would give them;
    /// data bound to a name gives its shape this way.
    /// </summary>
    public IDictionary<string, Shape> Shapes { get; } = new Dictionary<string, Shape>();

    /// <summary>Named scalars fixed at compile time; they fold into the graph as numbers.</summary>
    public IDictionary<string, double> Constants { get; } = new Dictionary<string, double>();

    /// <summary>
    /// When true, a name with no declaration, shape or constant is a 1x1 variable bound at call
    /// time (a named scalar such as <c>lambda</c>). When false, such a name is an error.
    /// </summary>
    public bool UndeclaredAreScalars { get; set; }
}

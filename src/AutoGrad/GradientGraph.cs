using AutoGrad.Graph;

namespace AutoGrad;

/// <summary>
/// An objective's value and its gradients as graphs, simplified; each gradient has the shape of
/// its variable and prints as a formula in the objective language.
/// </summary>
public sealed class GradientGraph
{
    private readonly Dictionary<string, Node> _gradients;

    internal GradientGraph(Node value, IReadOnlyList<string> wrt, IReadOnlyList<Node> gradients)
    {
        Value = value;
        Wrt = wrt;
        _gradients = wrt.Zip(gradients).ToDictionary(p => p.First, p => p.Second);
    }

    /// <summary>The objective's value node.</summary>
    public Node Value { get; }

    /// <summary>The variables differentiated, in the order asked for.</summary>
    public IReadOnlyList<string> Wrt { get; }

    /// <summary>The gradient graph with respect to <paramref name="name"/>.</summary>
    public Node Node(string name) => _gradients[name];

    /// <summary>The gradient with respect to <paramref name="name"/> as a formula.</summary>
    public string Formula(string name) => Syntax.Printer.Print(_gradients[name]);
}

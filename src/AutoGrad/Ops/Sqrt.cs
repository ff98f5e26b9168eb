using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>sqrt(x)</c> entry by entry. At 0 its derivative is infinite, as the mathematics says.</summary>
public sealed record Sqrt : UnaryFunction
{
    /// <inheritdoc/>
    public override string Name => "sqrt";

    internal override MethodInfo Kernel => KernelOf<Sqrt>(nameof(Apply));

    internal static double Apply(double x) => Math.Sqrt(x);

    // dx = ct ./ (2*y) = 0.5*ct ./ y, reusing y = sqrt(x)
    private protected override Node? Derivative(Graph.Graph g, Node node, Node x, Node ct)
    {
        var b = new Builder(g, node.Span);
        return b.Scale(0.5, b.Div(ct, node));
    }
}

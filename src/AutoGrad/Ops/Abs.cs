using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>abs(x)</c> entry by entry. Its derivative at 0 is taken as 0, as PyTorch does.</summary>
public sealed record Abs : UnaryFunction
{
    /// <inheritdoc/>
    public override string Name => "abs";

    internal override MethodInfo Kernel => KernelOf<Abs>(nameof(Apply));

    internal static double Apply(double x) => Math.Abs(x);

    // dx = ct .* sign(x)
    private protected override Node? Derivative(Graph.Graph g, Node node, Node x, Node ct)
    {
        var b = new Builder(g, node.Span);
        return b.Mul(ct, b.Apply(new Sign(), x));
    }
}

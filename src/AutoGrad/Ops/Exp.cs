using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>exp(x)</c> entry by entry.</summary>
public sealed record Exp : UnaryFunction
{
    /// <inheritdoc/>
    public override string Name => "exp";

    internal override MethodInfo Kernel => KernelOf<Exp>(nameof(Apply));

    internal static double Apply(double x) => Math.Exp(x);

    // dx = ct .* y, reusing y = exp(x)
    private protected override Node? Derivative(Graph.Graph g, Node node, Node x, Node ct)
    {
        var b = new Builder(g, node.Span);
        return b.Mul(ct, node);
    }
}

using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary>
/// <c>softplus(x)</c> = log(1 + exp(x)) entry by entry, finite for every finite x; the
/// rewrite of <c>log(1 + exp(x))</c> before differentiating.
/// </summary>
public sealed record Softplus : UnaryFunction
{
    /// <inheritdoc/>
    public override string Name => "softplus";

    internal override MethodInfo Kernel => KernelOf<Softplus>(nameof(Apply));

    // log(1 + exp(x)) = x + log(1 + exp(-x)) for x > 0, so exp never overflows.
    internal static double Apply(double x) =>
        x > 0 ? x + Log1p.Apply(Math.Exp(-x)) : Log1p.Apply(Math.Exp(x));

    // dx = ct .* sigmoid(x)
    private protected override Node? Derivative(Graph.Graph g, Node node, Node x, Node ct)
    {
        var b = new Builder(g, node.Span);
        return b.Mul(ct, b.Apply(new Sigmoid(), x));
    }
}

using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>tanh(x)</c> entry by entry.</summary>
public sealed record Tanh : UnaryFunction
{
    /// <inheritdoc/>
    public override string Name => "tanh";

    internal override MethodInfo Kernel => KernelOf<Tanh>(nameof(Apply));

    internal static double Apply(double x) => Math.Tanh(x);

    // dx = ct .* (1 - y.^2), reusing y = tanh(x)
    private protected override Node? Derivative(Graph.Graph g, Node node, Node x, Node ct)
    {
        var b = new Builder(g, node.Span);
        return b.Mul(ct, b.Sub(b.Const(1), b.Pow(node, b.Const(2))));
    }
}

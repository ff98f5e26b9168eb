using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>cos(x)</c> entry by entry, x in radians.</summary>
public sealed record Cos : UnaryFunction
{
    /// <inheritdoc/>
    public override string Name => "cos";

    internal override MethodInfo Kernel => KernelOf<Cos>(nameof(Apply));

    internal static double Apply(double x) => Math.Cos(x);

    // dx = -ct .* sin(x)
    private protected override Node? Derivative(Graph.Graph g, Node node, Node x, Node ct)
    {
        var b = new Builder(g, node.Span);
        return b.Neg(b.Mul(ct, b.Apply(new Sin(), x)));
    }
}

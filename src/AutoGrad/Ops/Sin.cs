using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>sin(x)</c> entry by entry, x in radians.</summary>
public sealed record Sin : UnaryFunction
{
    /// <inheritdoc/>
    public override string Name => "sin";

    internal override MethodInfo Kernel => KernelOf<Sin>(nameof(Apply));

    internal static double Apply(double x) => Math.Sin(x);

    // dx = ct .* cos(x)
    private protected override Node? Derivative(Graph.Graph g, Node node, Node x, Node ct)
    {
        var b = new Builder(g, node.Span);
        return b.Mul(ct, b.Apply(new Cos(), x));
    }
}

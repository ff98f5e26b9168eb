using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>relu(x)</c> = max(x, 0) entry by entry. Its derivative at 0 is taken as 0.</summary>
public sealed record Relu : UnaryFunction
{
    /// <inheritdoc/>
    public override string Name => "relu";

    internal override MethodInfo Kernel => KernelOf<Relu>(nameof(Apply));

    // NaN stays NaN rather than becoming 0.
    internal static double Apply(double x) => x > 0 ? x : double.IsNaN(x) ? x : 0;

    // dx = ct .* (x > 0)
    private protected override Node? Derivative(Graph.Graph g, Node node, Node x, Node ct)
    {
        var b = new Builder(g, node.Span);
        return b.Mul(ct, b.Compare(Comparison.Greater, x, b.Const(0)));
    }
}

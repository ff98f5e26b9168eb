using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>log2(x)</c>, the base-2 logarithm, entry by entry.</summary>
public sealed record Log2 : UnaryFunction
{
    /// <inheritdoc/>
    public override string Name => "log2";

    internal override MethodInfo Kernel => KernelOf<Log2>(nameof(Apply));

    internal static double Apply(double x) => Math.Log2(x);

    // dx = ct ./ (log(2) * x)
    private protected override Node? Derivative(Graph.Graph g, Node node, Node x, Node ct)
    {
        var b = new Builder(g, node.Span);
        return b.Div(ct, b.Mul(b.Const(Math.Log(2)), x));
    }
}

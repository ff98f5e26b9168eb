using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>log10(x)</c>, the base-10 logarithm, entry by entry.</summary>
public sealed record Log10 : UnaryFunction
{
    /// <inheritdoc/>
    public override string Name => "log10";

    internal override MethodInfo Kernel => KernelOf<Log10>(nameof(Apply));

    internal static double Apply(double x) => Math.Log10(x);

    // dx = ct ./ (log(10) * x)
    private protected override Node? Derivative(Graph.Graph g, Node node, Node x, Node ct)
    {
        var b = new Builder(g, node.Span);
        return b.Div(ct, b.Mul(b.Const(Math.Log(10)), x));
    }
}

using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>log(x)</c>, the natural logarithm, entry by entry.</summary>
public sealed record Log : UnaryFunction
{
    /// <inheritdoc/>
    public override string Name => "log";

    internal override MethodInfo Kernel => KernelOf<Log>(nameof(Apply));

    internal static double Apply(double x) => Math.Log(x);

    // dx = ct ./ x
    private protected override Node? Derivative(Graph.Graph g, Node node, Node x, Node ct)
    {
        var b = new Builder(g, node.Span);
        return b.Div(ct, x);
    }
}

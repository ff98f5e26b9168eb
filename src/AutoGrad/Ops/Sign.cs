using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>sign(x)</c> entry by entry: -1, 0 or 1. Piecewise constant, so it passes no cotangent on.</summary>
public sealed record Sign : UnaryFunction
{
    /// <inheritdoc/>
    public override string Name => "sign";

    internal override MethodInfo Kernel => KernelOf<Sign>(nameof(Apply));

    internal static double Apply(double x) => double.IsNaN(x) ? x : Math.Sign(x);

    // no cotangent: the derivative is 0 wherever it exists
    private protected override Node? Derivative(Graph.Graph g, Node node, Node x, Node ct) =>
        null;
}

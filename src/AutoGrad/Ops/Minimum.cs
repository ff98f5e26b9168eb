using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>min(a, b)</c> entry by entry, with implicit expansion.</summary>
public sealed record Minimum : BinaryElementwiseOp
{
    /// <inheritdoc/>
    public override string Name => "min";

    internal override MethodInfo Kernel => KernelOf<Minimum>(nameof(Apply));

    internal static double Apply(double a, double b) => Math.Min(a, b);

    // At a tie the cotangent is split equally:
    // da = ct .* ((a < b) + 0.5*(a == b)),  db = ct .* ((b < a) + 0.5*(a == b))
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct) =>
        Selection.Split(g, node, ct, Comparison.Less);
}

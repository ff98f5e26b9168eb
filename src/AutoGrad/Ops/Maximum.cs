using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>max(a, b)</c> entry by entry, with implicit expansion.</summary>
public sealed record Maximum : BinaryElementwiseOp
{
    /// <inheritdoc/>
    public override string Name => "max";

    internal override MethodInfo Kernel => KernelOf<Maximum>(nameof(Apply));

    internal static double Apply(double a, double b) => Math.Max(a, b);

    // At a tie the cotangent is split equally, as PyTorch does:
    // da = ct .* ((a > b) + 0.5*(a == b)),  db = ct .* ((b > a) + 0.5*(a == b))
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct) =>
        Selection.Split(g, node, ct, Comparison.Greater);
}

using System.Linq.Expressions;
using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary>
/// <c>a .* b</c>, and <c>a * b</c> when one side is a scalar; with implicit expansion.
/// Negation is multiplication by -1.
/// </summary>
public sealed record Multiply : BinaryElementwiseOp
{
    /// <inheritdoc/>
    public override string Name => "'.*'";

    internal override MethodInfo Kernel => KernelOf<Multiply>(nameof(Apply));

    internal static double Apply(double a, double b) => a * b;

    internal override Expression Emit(IReadOnlyList<Expression> entries) =>
        Expression.Multiply(entries[0], entries[1]);

    // da = ct .* b, db = ct .* a
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        return [b.Mul(ct, node.Inputs[1]), b.Mul(ct, node.Inputs[0])];
    }
}

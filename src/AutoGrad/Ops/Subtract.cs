using System.Linq.Expressions;
using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>a - b</c>, with implicit expansion.</summary>
public sealed record Subtract : BinaryElementwiseOp
{
    /// <inheritdoc/>
    public override string Name => "'-'";

    internal override MethodInfo Kernel => KernelOf<Subtract>(nameof(Apply));

    internal static double Apply(double a, double b) => a - b;

    internal override Expression Emit(IReadOnlyList<Expression> entries) =>
        Expression.Subtract(entries[0], entries[1]);

    // da = ct, db = -ct
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct) =>
        [ct, new Builder(g, node.Span).Neg(ct)];
}

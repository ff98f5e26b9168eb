using System.Linq.Expressions;
using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>a + b</c>, with implicit expansion.</summary>
public sealed record Add : BinaryElementwiseOp
{
    /// <inheritdoc/>
    public override string Name => "'+'";

    internal override MethodInfo Kernel => KernelOf<Add>(nameof(Apply));

    internal static double Apply(double a, double b) => a + b;

    internal override Expression Emit(IReadOnlyList<Expression> entries) =>
        Expression.Add(entries[0], entries[1]);

    // da = ct, db = ct
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct) => [ct, ct];
}

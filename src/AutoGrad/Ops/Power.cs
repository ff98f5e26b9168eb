using System.Linq.Expressions;
using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary>
/// <c>a .^ p</c>, and <c>a ^ p</c> for a scalar base; with implicit expansion. A square matrix
/// to an integer power is a chain of products, built by the binder, not this op.
/// </summary>
public sealed record Power : BinaryElementwiseOp
{
    /// <inheritdoc/>
    public override string Name => "'.^'";

    internal override MethodInfo Kernel => KernelOf<Power>(nameof(Apply));

    internal static double Apply(double a, double p) => p switch
    {
        2 => a * a,
        1 => a,
        _ => Math.Pow(a, p),
    };

    // A constant exponent of 2 or 1 needs no call: x.^2 is x*x, read once.
    internal override Expression Emit(IReadOnlyList<Expression> entries)
    {
        if (entries[1] is ConstantExpression { Value: 2.0 })
        {
            ParameterExpression x = Expression.Variable(typeof(double), "x");
            return Expression.Block([x], Expression.Assign(x, entries[0]), Expression.Multiply(x, x));
        }
        return entries[1] is ConstantExpression { Value: 1.0 } ? entries[0] : base.Emit(entries);
    }

    // y = a .^ p:  da = ct .* p .* a.^(p - 1),  dp = ct .* y .* log(a)
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        Node a = node.Inputs[0], p = node.Inputs[1];
        Node da = b.Mul(ct, b.Mul(p, b.Pow(a, b.Sub(p, b.Const(1)))));
        Node dp = b.Mul(ct, b.Mul(node, b.Apply(new Log(), a)));
        return [da, dp];
    }
}

using System.Linq.Expressions;
using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>a ./ b</c>, and <c>a / b</c> with a scalar divisor; with implicit expansion.</summary>
public sealed record Divide : BinaryElementwiseOp
{
    /// <inheritdoc/>
    public override string Name => "'./'";

    internal override MethodInfo Kernel => KernelOf<Divide>(nameof(Apply));

    internal static double Apply(double a, double b) => a / b;

    internal override Expression Emit(IReadOnlyList<Expression> entries) =>
        Expression.Divide(entries[0], entries[1]);

    // y = a ./ b:  da = ct ./ b,  db = -ct .* y ./ b  (reuses y instead of forming b.^2)
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        Node divisor = node.Inputs[1];
        return [b.Div(ct, divisor), b.Neg(b.Div(b.Mul(ct, node), divisor))];
    }
}

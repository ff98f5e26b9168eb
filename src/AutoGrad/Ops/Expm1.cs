using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary>
/// <c>expm1(x)</c> = exp(x) - 1 entry by entry, accurate for tiny x; the rewrite of
/// <c>exp(x) - 1</c> before differentiating.
/// </summary>
public sealed record Expm1 : UnaryFunction
{
    /// <inheritdoc/>
    public override string Name => "expm1";

    internal override MethodInfo Kernel => KernelOf<Expm1>(nameof(Apply));

    // Kahan's correction: (u - 1) * x / log(u) with u = exp(x) cancels the rounding of u.
    internal static double Apply(double x)
    {
        double u = Math.Exp(x);
        if (u == 1)
        {
            return x;
        }
        double um1 = u - 1;
        return um1 == -1 || double.IsInfinity(u) ? um1 : um1 * x / Math.Log(u);
    }

    // dx = ct .* (y + 1), reusing y = expm1(x)
    private protected override Node? Derivative(Graph.Graph g, Node node, Node x, Node ct)
    {
        var b = new Builder(g, node.Span);
        return b.Mul(ct, b.Add(node, b.Const(1)));
    }
}

using AutoGrad.Graph;
using AutoGrad.Ops;
using static AutoGrad.Simplification.Rules.Patterns;

namespace AutoGrad.Simplification.Rules;

/// <summary>
/// Rewrites applied before differentiating, where an equal form has a better-behaved
/// derivative.
/// </summary>
internal static class StabilityRules
{
    // norm(e)^2 -> sum(e.^2, 'all'): the gradient 2*e is 0 at e = 0, where e/norm(e) is 0/0
    public static Node? NormSquared(Builder b, Node n)
    {
        if (n.Op is not Power || n.Inputs[0].Op is not Norm
            || !IsScalarConst(n.Inputs[1], out double p) || p != 2)
        {
            return null;
        }
        Node e = n.Inputs[0].Inputs[0];
        return b.Sum(b.Pow(e, b.Const(2)), 0);
    }

    // log(1 + exp(x)) -> softplus(x);  log(1 + x) -> log1p(x)  (either order of the sum)
    public static Node? LogOfOnePlus(Builder b, Node n)
    {
        if (n.Op is not Log || n.Inputs[0].Op is not Add)
        {
            return null;
        }
        Node add = n.Inputs[0];
        Node? rest = IsOne(add.Inputs[0]) ? add.Inputs[1]
            : IsOne(add.Inputs[1]) ? add.Inputs[0]
            : null;
        if (rest is null || rest.Shape != n.Shape)
        {
            return null;
        }
        return rest.Op is Exp
            ? b.Apply(new Softplus(), rest.Inputs[0])
            : b.Apply(new Log1p(), rest);
    }

    // log(sum(exp(X), d)) -> logsumexp(X, d)
    public static Node? LogSumOfExp(Builder b, Node n)
    {
        if (n.Op is not Log || n.Inputs[0].Op is not Sum sum
            || n.Inputs[0].Inputs[0].Op is not Exp)
        {
            return null;
        }
        Node x = n.Inputs[0].Inputs[0].Inputs[0];
        return b.Graph.Make(new LogSumExp(sum.Dim), n.Span, x);
    }

    // exp(x) - 1 -> expm1(x)
    public static Node? ExpMinusOne(Builder b, Node n)
    {
        if (n.Op is not Subtract || n.Inputs[0].Op is not Exp || !IsOne(n.Inputs[1])
            || n.Inputs[0].Shape != n.Shape)
        {
            return null;
        }
        return b.Apply(new Expm1(), n.Inputs[0].Inputs[0]);
    }

    private static bool IsOne(Node node) => IsScalarConst(node, out double v) && v == 1;
}

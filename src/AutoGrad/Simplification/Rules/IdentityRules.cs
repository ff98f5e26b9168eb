using AutoGrad.Graph;
using AutoGrad.Ops;
using static AutoGrad.Simplification.Rules.Patterns;

namespace AutoGrad.Simplification.Rules;

/// <summary>
/// The neutral and absorbing elements. Like every symbolic system, 0*x -> 0 assumes x is finite:
/// a NaN or Inf that only such a term would carry is not propagated.
/// </summary>
internal static class IdentityRules
{
    // x + 0 -> x;  0 + x -> x;  x - 0 -> x;  0 - x -> -x
    public static Node? AddZero(Builder b, Node n)
    {
        if (n.Op is not (Add or Subtract))
        {
            return null;
        }
        Node x = n.Inputs[0], y = n.Inputs[1];
        if (IsConst(y, 0) && x.Shape == n.Shape)
        {
            return x;
        }
        if (IsConst(x, 0) && y.Shape == n.Shape)
        {
            return n.Op is Add ? y : b.Neg(y);
        }
        return null;
    }

    // 1 .* x -> x;  x .* 1 -> x;  x ./ 1 -> x;  x .^ 1 -> x
    public static Node? MultiplyOne(Builder b, Node n)
    {
        Node? x = n.Op switch
        {
            Multiply when IsConst(n.Inputs[0], 1) => n.Inputs[1],
            Multiply or Divide or Power when IsConst(n.Inputs[1], 1) => n.Inputs[0],
            _ => null,
        };
        return x is not null && x.Shape == n.Shape ? x : null;
    }

    // 0 .* x -> 0;  x .* 0 -> 0;  0 ./ x -> 0;  x .^ 0 -> 1;  0 * X -> 0 (products)
    public static Node? MultiplyZero(Builder b, Node n)
    {
        bool zero = n.Op switch
        {
            Multiply or MatMul => IsConst(n.Inputs[0], 0) || IsConst(n.Inputs[1], 0),
            Divide => IsConst(n.Inputs[0], 0),
            _ => false,
        };
        if (zero)
        {
            return b.Fill(0, n.Shape);
        }
        return n.Op is Power && IsConst(n.Inputs[1], 0) ? b.Fill(1, n.Shape) : null;
    }

    // eye * X -> X;  X * eye -> X
    public static Node? MultiplyIdentity(Builder b, Node n)
    {
        if (n.Op is not MatMul)
        {
            return null;
        }
        return n.Inputs[0].Op is Identity ? n.Inputs[1]
            : n.Inputs[1].Op is Identity ? n.Inputs[0]
            : null;
    }

    // x'' -> x
    public static Node? DoubleTranspose(Builder b, Node n) =>
        n.Op is Transpose && n.Inputs[0].Op is Transpose ? n.Inputs[0].Inputs[0] : null;

    // sum(X, d) -> X when X has size 1 along d;  sum(sum(X, d1), d2) -> sum(X, 'all')
    public static Node? TrivialSum(Builder b, Node n)
    {
        if (n.Op is not Sum sum)
        {
            return null;
        }
        Node x = n.Inputs[0];
        if (x.Shape == n.Shape)
        {
            return x;
        }
        if (n.Shape.IsScalar && sum.Dim != 0)
        {
            return b.Sum(x.Op is Sum ? x.Inputs[0] : x, 0);
        }
        return null;
    }
}

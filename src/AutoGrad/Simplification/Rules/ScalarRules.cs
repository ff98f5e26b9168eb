using AutoGrad.Graph;
using AutoGrad.Ops;
using static AutoGrad.Simplification.Rules.Patterns;

namespace AutoGrad.Simplification.Rules;

/// <summary>
/// Rules that give scalar factors one canonical place, the front (<c>2*gamma*A</c>), where they
/// collect and fold, and where the compiler can fold them into a product's alpha.
/// </summary>
internal static class ScalarRules
{
    // X .* c -> c .* X for a 1x1 c;  x .* 3 -> 3 .* x for 1x1 x
    public static Node? ScalarFirst(Builder b, Node n)
    {
        if (n.Op is not Multiply)
        {
            return null;
        }
        Node x = n.Inputs[0], c = n.Inputs[1];
        bool scalarLast = c.Shape.IsScalar && !x.Shape.IsScalar;
        bool constantLast = x.Shape.IsScalar && c.Op is Constant && x.Op is not Constant;
        return scalarLast || constantLast ? b.Mul(c, x) : null;
    }

    // a .* (b .* X) -> (a*b) .* X for 1x1 a and b
    public static Node? CollectScalars(Builder b, Node n)
    {
        if (n.Op is not Multiply || !n.Inputs[0].Shape.IsScalar)
        {
            return null;
        }
        Node a = n.Inputs[0];
        if (!IsScaled(n.Inputs[1], out Node inner, out Node x))
        {
            return null;
        }
        bool folds = a.Op is Constant && inner.Op is Constant;
        return !x.Shape.IsScalar || folds ? b.Mul(b.Mul(a, inner), x) : null;
    }

    // A*B -> A .* B when A or B is 1x1: a product with a scalar side is a scaling. The
    // cotangent of a 1x1 product is 1x1, so reverse mode makes such products (ct * B').
    public static Node? ScalarProduct(Builder b, Node n) =>
        n.Op is MatMul && (n.Inputs[0].Shape.IsScalar || n.Inputs[1].Shape.IsScalar)
            ? b.Mul(n.Inputs[0], n.Inputs[1])
            : null;

    // c .* (x ./ d) -> (c/d) .* x for 1x1 constants c and d
    public static Node? FoldScaledQuotient(Builder b, Node n)
    {
        if (n.Op is not Multiply || !IsScalarConst(n.Inputs[0], out double c)
            || n.Inputs[1].Op is not Divide || !IsScalarConst(n.Inputs[1].Inputs[1], out double d))
        {
            return null;
        }
        Node x = n.Inputs[1].Inputs[0];
        return x.Shape == n.Shape ? b.Mul(b.Const(c / d), x) : null;
    }

    // (c*A)*B -> c*(A*B);  A*(c*B) -> c*(A*B)
    public static Node? ScalarOutOfProduct(Builder b, Node n)
    {
        if (n.Op is not MatMul)
        {
            return null;
        }
        if (IsScaled(n.Inputs[0], out Node c, out Node a))
        {
            return b.Mul(c, b.MatMul(a, n.Inputs[1]));
        }
        if (IsScaled(n.Inputs[1], out c, out Node right))
        {
            return b.Mul(c, b.MatMul(n.Inputs[0], right));
        }
        return null;
    }

    // (c*A) .* B -> c*(A .* B);  A .* (c*B) -> c*(A .* B);  (c*A) ./ B -> c*(A ./ B)
    // for A and B not 1x1
    public static Node? ScalarOutOfElementwise(Builder b, Node n)
    {
        if (n.Op is not (Multiply or Divide) || n.Inputs[0].Shape.IsScalar
            || n.Inputs[1].Shape.IsScalar)
        {
            return null;
        }
        Node left = n.Inputs[0], right = n.Inputs[1];
        if (IsScaled(left, out Node c, out Node a) && !a.Shape.IsScalar)
        {
            return b.Mul(c, b.Graph.Make(n.Op, n.Span, a, right));
        }
        if (n.Op is Multiply && IsScaled(right, out c, out Node r) && !r.Shape.IsScalar)
        {
            return b.Mul(c, b.Mul(left, r));
        }
        return null;
    }

    // (c*X)' -> c*X';  sum(c*X) -> c*sum(X)
    public static Node? ScalarOutOfLinear(Builder b, Node n)
    {
        if (n.Op is not (Transpose or Sum) || !IsScaled(n.Inputs[0], out Node c, out Node x)
            || x.Shape.IsScalar)
        {
            return null;
        }
        return b.Mul(c, b.Graph.Make(n.Op, n.Span, x));
    }

    // a + (-c)*b -> a - c*b;  a - (-c)*b -> a + c*b;  (-c)*a + b -> b - c*a
    public static Node? FoldNegation(Builder b, Node n)
    {
        if (n.Op is not (Add or Subtract))
        {
            return null;
        }
        Node left = n.Inputs[0], right = n.Inputs[1];
        if (Negated(b, right) is { } positive && positive.Shape == right.Shape)
        {
            return n.Op is Add ? b.Sub(left, positive) : b.Add(left, positive);
        }
        if (n.Op is Add && Negated(b, left) is { } first && first.Shape == left.Shape)
        {
            return b.Sub(right, first);
        }
        return null;
    }

    private static Node? Negated(Builder b, Node node)
    {
        if (!IsScaled(node, out Node c, out Node x) || !IsScalarConst(c, out double value) || value >= 0)
        {
            return null;
        }
        return value == -1 ? x : b.Mul(b.Const(-value), x);
    }
}

using AutoGrad.Graph;
using AutoGrad.Ops;
using static AutoGrad.Simplification.Rules.Patterns;

namespace AutoGrad.Simplification.Rules;

/// <summary>Rules that factor a shared operand out of a sum of products: one product fewer.</summary>
internal static class FactorRules
{
    // a*(A*B) +- b*(A*C) -> A*(a*B +- b*C);  a*(A*C) +- b*(B*C) -> (a*A +- b*B)*C
    public static Node? CommonFactor(Builder b, Node n)
    {
        if (n.Op is not (Add or Subtract) || n.Inputs[0].Shape != n.Inputs[1].Shape)
        {
            return null;
        }
        var (left, leftScale) = Product(n.Inputs[0]);
        var (right, rightScale) = Product(n.Inputs[1]);
        if (left is null || right is null || ReferenceEquals(left, right))
        {
            return null;
        }
        // One scale shared by both terms stays outside: c*(A*B) + c*(A*C) -> c*(A*(B + C)).
        Node? shared = leftScale is not null && ReferenceEquals(leftScale, rightScale) ? leftScale : null;
        Node Scaled(Node? scale, Node x) => scale is null || shared is not null ? x : b.Mul(scale, x);
        Node Combine(Node x, Node y) =>
            b.Graph.Make(n.Op, n.Span, Scaled(leftScale, x), Scaled(rightScale, y));
        Node? product = null;
        if (ReferenceEquals(left.Inputs[0], right.Inputs[0]))
        {
            product = b.MatMul(left.Inputs[0], Combine(left.Inputs[1], right.Inputs[1]));
        }
        else if (ReferenceEquals(left.Inputs[1], right.Inputs[1]))
        {
            product = b.MatMul(Combine(left.Inputs[0], right.Inputs[0]), left.Inputs[1]);
        }
        return product is null || shared is null ? product : b.Mul(shared, product);
    }

    // A product, possibly scaled by a 1x1 factor: the product and the factor (or null).
    private static (Node? Product, Node? Scale) Product(Node node)
    {
        if (node.Op is MatMul)
        {
            return (node, null);
        }
        return IsScaled(node, out Node scale, out Node rest) && rest.Op is MatMul
            ? (rest, scale)
            : (null, null);
    }
}

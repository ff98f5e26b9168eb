using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Simplification.Rules;

/// <summary>Rules that move transposes onto the leaves, where products read them for free.</summary>
internal static class TransposeRules
{
    // (A*B)' -> B'*A'
    public static Node? TransposeOfProduct(Builder b, Node n)
    {
        if (n.Op is not Transpose || n.Inputs[0].Op is not MatMul)
        {
            return null;
        }
        Node product = n.Inputs[0];
        return b.MatMul(b.T(product.Inputs[1]), b.T(product.Inputs[0]));
    }
}

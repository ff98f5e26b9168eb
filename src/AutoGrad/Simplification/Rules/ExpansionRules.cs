using AutoGrad.Graph;
using AutoGrad.Ops;
using static AutoGrad.Simplification.Rules.Patterns;

namespace AutoGrad.Simplification.Rules;

/// <summary>Rules that drop explicit expansions where implicit expansion does the same.</summary>
internal static class ExpansionRules
{
    // f(expand(x), Y) -> f(x, Y) when the result keeps its shape
    public static Node? ImplicitExpansion(Builder b, Node n)
    {
        if (n.Op is not BinaryElementwiseOp)
        {
            return null;
        }
        for (int side = 0; side < 2; side++)
        {
            Node expanded = n.Inputs[side], other = n.Inputs[1 - side];
            if (expanded.Op is Broadcast && other.Shape == n.Shape)
            {
                Node[] inputs = InputsOf(n);
                inputs[side] = expanded.Inputs[0];
                return b.Graph.Make(n.Op, n.Span, inputs);
            }
        }
        return null;
    }
}

using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Simplification.Rules;

/// <summary>Small predicates the rules share.</summary>
internal static class Patterns
{
    /// <summary>True when <paramref name="node"/> is a 1x1 constant; its value in <paramref name="value"/>.</summary>
    public static bool IsScalarConst(Node node, out double value)
    {
        value = node.Op is Constant c ? c.Value : 0;
        return node.Op is Constant && node.Shape.IsScalar;
    }

    /// <summary>True when <paramref name="node"/> is a constant, of any shape, equal to
    /// <paramref name="value"/>.</summary>
    public static bool IsConst(Node node, double value) => Constant.Is(node, value);

    /// <summary>True for c*X with c a 1x1 value: the scalar and the rest.</summary>
    public static bool IsScaled(Node node, out Node scale, out Node rest)
    {
        bool scaled = node.Op is Multiply && node.Inputs[0].Shape.IsScalar;
        scale = scaled ? node.Inputs[0] : node;
        rest = scaled ? node.Inputs[1] : node;
        return scaled;
    }

    /// <summary>The node's inputs, in a fresh array that a rule may change.</summary>
    public static Node[] InputsOf(Node node) => [.. node.Inputs];
}

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
}

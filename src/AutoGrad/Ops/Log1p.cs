using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>log1p(x)</c> = log(1 + x) entry by entry, accurate for tiny x.</summary>
public sealed record Log1p : UnaryFunction
{
    /// <inheritdoc/>
    public override string Name => "log1p";

    internal override MethodInfo Kernel => KernelOf<Log1p>(nameof(Apply));

    // Goldberg's correction: log(u) * x / (u - 1) with u = 1 + x cancels the rounding of u.
    internal static double Apply(double x)
    {
        double u = 1 + x;
        return u == 1 ? x : double.IsInfinity(u) ? Math.Log(u) : Math.Log(u) * x / (u - 1);
    }

    // dx = ct ./ (1 + x)
    private protected override Node? Derivative(Graph.Graph g, Node node, Node x, Node ct)
    {
        var b = new Builder(g, node.Span);
        return b.Div(ct, b.Add(b.Const(1), x));
    }
}

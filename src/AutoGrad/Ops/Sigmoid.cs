using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary><c>sigmoid(x)</c> = 1 ./ (1 + exp(-x)) entry by entry, the logistic function of UFLDL.</summary>
public sealed record Sigmoid : UnaryFunction
{
    /// <inheritdoc/>
    public override string Name => "sigmoid";

    internal override MethodInfo Kernel => KernelOf<Sigmoid>(nameof(Apply));

    // Split by sign so that exp never overflows: for x < 0, exp(x) / (1 + exp(x)).
    internal static double Apply(double x)
    {
        if (x >= 0)
        {
            return 1 / (1 + Math.Exp(-x));
        }
        double e = Math.Exp(x);
        return e / (1 + e);
    }

    // dx = ct .* y .* (1 - y), reusing y = sigmoid(x)
    private protected override Node? Derivative(Graph.Graph g, Node node, Node x, Node ct)
    {
        var b = new Builder(g, node.Span);
        return b.Mul(ct, b.Mul(node, b.Sub(b.Const(1), node)));
    }
}

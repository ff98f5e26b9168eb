using System.Reflection;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary>
/// A comparison entry by entry, 1 where it holds and 0 where not (<c>a &gt; b</c>, ...). It is
/// piecewise constant, so its derivative is zero and it passes no cotangent on.
/// </summary>
/// <param name="Kind">The relation tested.</param>
public sealed record Compare(Comparison Kind) : BinaryElementwiseOp
{
    /// <inheritdoc/>
    public override string Name => $"'{Symbol}'";

    /// <summary>The operator as the language writes it.</summary>
    public string Symbol => Kind switch
    {
        Comparison.Less => "<",
        Comparison.LessOrEqual => "<=",
        Comparison.Greater => ">",
        Comparison.GreaterOrEqual => ">=",
        Comparison.Equal => "==",
        _ => "~=",
    };

    internal override MethodInfo Kernel => KernelOf<Compare>(Kind.ToString());

    internal static double Less(double a, double b) => a < b ? 1 : 0;

    internal static double LessOrEqual(double a, double b) => a <= b ? 1 : 0;

    internal static double Greater(double a, double b) => a > b ? 1 : 0;

    internal static double GreaterOrEqual(double a, double b) => a >= b ? 1 : 0;

    internal static double Equal(double a, double b) => a == b ? 1 : 0;

    internal static double NotEqual(double a, double b) => a != b ? 1 : 0;

    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct) => [null, null];
}

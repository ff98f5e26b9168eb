using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary>The derivative rule shared by <c>max</c> and <c>min</c>, which select one operand.</summary>
internal static class Selection
{
    /// <summary>Routes ct to the selected operand, half to each at a tie.</summary>
    public static Node?[] Split(Graph.Graph g, Node node, Node ct, Comparison wins)
    {
        var b = new Builder(g, node.Span);
        Node x = node.Inputs[0], y = node.Inputs[1];
        Node tie = b.Scale(0.5, b.Compare(Comparison.Equal, x, y));
        Node dx = b.Mul(ct, b.Add(b.Compare(wins, x, y), tie));
        Node dy = b.Mul(ct, b.Add(b.Compare(wins, y, x), tie));
        return [dx, dy];
    }
}

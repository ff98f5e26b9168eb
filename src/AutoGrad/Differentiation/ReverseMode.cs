using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Differentiation;

/// <summary>
/// Reverse-mode differentiation over a graph. The cotangent of the output is 1; walking the
/// nodes from the output back to the leaves, each node's op turns its cotangent into
/// contributions to its inputs' cotangents (<see cref="Op.Vjp"/>), and the contributions to a
/// node read several times are summed. So a variable used twice, once as W and once as W', gets
/// the sum of both uses. The result is again a graph, which can be simplified, printed, compiled
/// and differentiated again.
/// </summary>
internal static class ReverseMode
{
    /// <summary>
    /// The gradient of the 1x1 <paramref name="output"/> with respect to each of
    /// <paramref name="wrt"/>, in order; zeros for a variable the output does not read.
    /// </summary>
    public static Node[] Gradients(Graph.Graph graph, Node output, IReadOnlyList<Node> wrt)
    {
        System.Diagnostics.Debug.Assert(output.Shape.IsScalar, "only a 1x1 output has a gradient");
        List<Node> order = Topology.Order([output]);
        HashSet<Node> needed = DependOn(order, wrt);
        var cotangents = new Dictionary<Node, Node>(ReferenceEqualityComparer.Instance)
        {
            [output] = new Builder(graph, output.Span).Const(1),
        };

        for (int i = order.Count - 1; i >= 0; i--)
        {
            Node node = order[i];
            if (node.Inputs.Count == 0 || !cotangents.TryGetValue(node, out Node? ct)
                || !node.Inputs.Any(needed.Contains))
            {
                continue;
            }
            Propagate(graph, node, ct, needed, cotangents);
        }

        return [.. wrt.Select(w => cotangents.TryGetValue(w, out Node? ct)
            ? ct
            : new Builder(graph, w.Span).Fill(0, w.Shape))];
    }

    private static void Propagate(
        Graph.Graph graph, Node node, Node ct, HashSet<Node> needed, Dictionary<Node, Node> cotangents)
    {
        var build = new Builder(graph, node.Span);
        Node?[] contributions = node.Op.Vjp(graph, node, ct);
        for (int k = 0; k < node.Inputs.Count; k++)
        {
            Node input = node.Inputs[k];
            if (contributions[k] is not { } contribution || !needed.Contains(input))
            {
                continue;
            }
            contribution = build.ReduceTo(contribution, input.Shape);
            cotangents[input] = cotangents.TryGetValue(input, out Node? sum)
                ? build.Add(sum, contribution)
                : contribution;
        }
    }

    // The nodes whose value changes with some variable in wrt: only they need a cotangent.
    private static HashSet<Node> DependOn(List<Node> order, IReadOnlyList<Node> wrt)
    {
        var depends = new HashSet<Node>(wrt, ReferenceEqualityComparer.Instance);
        foreach (Node node in order)
        {
            if (node.Inputs.Any(depends.Contains))
            {
                depends.Add(node);
            }
        }
        return depends;
    }
}

using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Simplification;

/// <summary>
/// Finds products that are transposes of each other, <c>B'*A'</c> beside <c>A*B</c>, and reads
/// the later one as the transpose of the earlier, which the compiler does for free (a GEMM flag
/// or a swapped index). Gradients make such pairs: in the ICA cost, <c>x*R'</c> is
/// <c>(R*x')'</c>. It runs just before compiling, after the rewrites that would undo it.
/// </summary>
internal static class ProductTwins
{
    /// <summary>The roots with each twin product replaced by a transpose of its first twin.</summary>
    public static Node[] Run(Graph.Graph graph, IReadOnlyList<Node> roots)
    {
        var products = new Dictionary<(Node, Node), Node>();
        var replaced = new Dictionary<Node, Node>(ReferenceEqualityComparer.Instance);
        foreach (Node node in Topology.Order(roots))
        {
            Node current = Rebuild(graph, node, replaced);
            if (current.Op is MatMul)
            {
                Node a = current.Inputs[0], b = current.Inputs[1];
                if (products.TryGetValue((Flip(graph, b), Flip(graph, a)), out Node? twin))
                {
                    current = graph.Make(new Transpose(), node.Span, twin);
                }
                else
                {
                    products.TryAdd((a, b), current);
                }
            }
            replaced[node] = current;
        }
        return [.. roots.Select(r => replaced[r])];
    }

    private static Node Rebuild(Graph.Graph graph, Node node, Dictionary<Node, Node> replaced)
    {
        Node[] inputs = [.. node.Inputs.Select(i => replaced[i])];
        bool same = inputs.Zip(node.Inputs).All(p => ReferenceEquals(p.First, p.Second));
        return same ? node : graph.Make(node.Op, node.Span, inputs);
    }

    // X' without stacking transposes: (X')' is X.
    private static Node Flip(Graph.Graph graph, Node x) =>
        x.Op is Transpose ? x.Inputs[0] : graph.Make(new Transpose(), x.Span, x);
}

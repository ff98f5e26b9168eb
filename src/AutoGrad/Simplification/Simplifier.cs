using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Simplification;

/// <summary>
/// Drives a <see cref="Pass"/> over a graph to a fixpoint: each node is rebuilt from its
/// simplified inputs, then the pass's rules are applied to it until none matches. Results are
/// memoised, so a node shared by several roots is simplified once.
/// </summary>
internal sealed class Simplifier
{
    /// <summary>The most rewrites applied to one node, a guard against rules that cycle.</summary>
    private const int MaxRewritesPerNode = 64;

    private readonly Graph.Graph _graph;
    private readonly Pass _pass;
    private readonly Dictionary<Node, Node> _memo = new(ReferenceEqualityComparer.Instance);

    private Simplifier(Graph.Graph graph, Pass pass)
    {
        _graph = graph;
        _pass = pass;
    }

    /// <summary>The roots after <paramref name="pass"/>, in the same order.</summary>
    public static Node[] Run(Graph.Graph graph, Pass pass, IReadOnlyList<Node> roots)
    {
        var simplifier = new Simplifier(graph, pass);
        return [.. roots.Select(root => simplifier.Simplify(root, 0))];
    }

    private Node Simplify(Node node, int depth)
    {
        if (_memo.TryGetValue(node, out Node? done))
        {
            return done;
        }

        Node current = Rebuild(node, depth);
        for (int i = 0; i < MaxRewritesPerNode && depth < MaxRewritesPerNode; i++)
        {
            Node? next = ApplyFirst(current);
            if (next is null || ReferenceEquals(next, current))
            {
                break;
            }
            current = Simplify(next, depth + 1);
        }

        _memo[node] = current;
        _memo.TryAdd(current, current);
        return current;
    }

    private Node Rebuild(Node node, int depth)
    {
        if (node.Inputs.Count == 0)
        {
            return node;
        }
        var inputs = new Node[node.Inputs.Count];
        bool changed = false;
        for (int i = 0; i < inputs.Length; i++)
        {
            inputs[i] = Simplify(node.Inputs[i], depth);
            changed |= !ReferenceEquals(inputs[i], node.Inputs[i]);
        }
        return changed ? _graph.Make(node.Op, node.Span, inputs) : node;
    }

    private Node? ApplyFirst(Node node)
    {
        var builder = new Builder(_graph, node.Span);
        foreach (RewriteRule rule in _pass.Rules)
        {
            Node? result = rule.Apply(builder, node);
            if (result is not null && !ReferenceEquals(result, node))
            {
                System.Diagnostics.Debug.Assert(
                    result.Shape == node.Shape, $"rule {rule.Name} changed the shape of {node}");
                return result;
            }
        }
        return null;
    }
}

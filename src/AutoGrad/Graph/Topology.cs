namespace AutoGrad.Graph;

/// <summary>Orders and counts the nodes reachable from a set of roots, without recursion.</summary>
internal static class Topology
{
    /// <summary>Every node reachable from <paramref name="roots"/>, each after all its inputs.</summary>
    public static List<Node> Order(IEnumerable<Node> roots)
    {
        var order = new List<Node>();
        var seen = new HashSet<Node>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<(Node Node, int Next)>();
        foreach (Node root in roots)
        {
            if (seen.Add(root))
            {
                stack.Push((root, 0));
            }
            while (stack.Count > 0)
            {
                var (node, next) = stack.Pop();
                if (next < node.Inputs.Count)
                {
                    stack.Push((node, next + 1));
                    Node input = node.Inputs[next];
                    if (seen.Add(input))
                    {
                        stack.Push((input, 0));
                    }
                    continue;
                }
                order.Add(node);
            }
        }
        return order;
    }

    /// <summary>How many times each node is read as an input, within the given order.</summary>
    public static Dictionary<Node, int> UseCounts(IEnumerable<Node> order)
    {
        var uses = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance);
        foreach (Node node in order)
        {
            uses.TryAdd(node, 0);
            foreach (Node input in node.Inputs)
            {
                uses[input] = uses.GetValueOrDefault(input) + 1;
            }
        }
        return uses;
    }
}

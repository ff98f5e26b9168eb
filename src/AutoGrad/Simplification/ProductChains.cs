using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Simplification;

/// <summary>
/// Re-associates chains of matrix products to the order of fewest multiply-adds, by the classic
/// dynamic programme over the chain's shapes: <c>W'*W*x</c> becomes <c>W'*(W*x)</c> when x has
/// more columns than W has rows. A product that is read elsewhere too is kept whole, as one
/// factor, so that shared work is not split apart. A named size counts as given by the
/// objective's size hints, else as <see cref="AssumedSize"/>; ties go to the right-to-left
/// order.
/// </summary>
internal sealed class ProductChains
{
    /// <summary>The size assumed for a named dimension when comparing costs.</summary>
    public const long AssumedSize = 100;

    private readonly Graph.Graph _graph;
    private readonly bool _rightToLeft;
    private readonly Func<string, long> _sizeOf;
    private readonly Dictionary<Node, int> _uses;
    private readonly Dictionary<Node, Node> _memo = new(ReferenceEqualityComparer.Instance);

    private ProductChains(
        Graph.Graph graph, IReadOnlyList<Node> roots, bool rightToLeft, Func<string, long> sizeOf)
    {
        _graph = graph;
        _rightToLeft = rightToLeft;
        _sizeOf = sizeOf;
        _uses = Topology.UseCounts(Topology.Order(roots));
    }

    /// <summary>
    /// The roots with every product chain in its cheapest order or, with
    /// <paramref name="rightToLeft"/>, grouped from the right (<c>A*(B*(C*x))</c>), the order
    /// whose gradient often needs fewer products even when the forward pass costs more.
    /// </summary>
    public static Node[] Run(Graph.Graph graph, IReadOnlyList<Node> roots, bool rightToLeft = false,
        Func<string, long>? sizeOf = null)
    {
        var pass = new ProductChains(graph, roots, rightToLeft, sizeOf ?? Assumed);
        return [.. roots.Select(pass.Rewrite)];
    }

    /// <summary>
    /// What one GEMM call costs before any arithmetic, in multiply-adds: about a microsecond of
    /// call and dispatch overhead. It makes small problems prefer fewer calls.
    /// </summary>
    public const double CallOverhead = 32_768;

    /// <summary>
    /// The cost of all products the roots need: their multiply-adds plus
    /// <see cref="CallOverhead"/> per call, named sizes assumed.
    /// </summary>
    public static double Cost(IReadOnlyList<Node> roots, Func<string, long>? sizeOf = null)
    {
        Func<string, long> size = sizeOf ?? Assumed;
        return Topology.Order(roots).Where(n => n.Op is MatMul).Sum(n => CallOverhead
            + ((double)n.Shape.Rows.Evaluate(size) * n.Inputs[0].Shape.Cols.Evaluate(size)
                * n.Shape.Cols.Evaluate(size)));
    }

    /// <summary>A named size taken as <see cref="AssumedSize"/>.</summary>
    public static long Assumed(string name) => AssumedSize;

    private Node Rewrite(Node node)
    {
        if (_memo.TryGetValue(node, out Node? done))
        {
            return done;
        }
        Node result;
        if (node.Op is MatMul)
        {
            var factors = new List<Node>();
            Flatten(node, factors, isRoot: true);
            result = Order(factors.Select(Rewrite).ToList(), node);
        }
        else if (node.Inputs.Count > 0)
        {
            Node[] inputs = [.. node.Inputs.Select(Rewrite)];
            bool same = inputs.Zip(node.Inputs).All(p => ReferenceEquals(p.First, p.Second));
            result = same ? node : _graph.Make(node.Op, node.Span, inputs);
        }
        else
        {
            result = node;
        }
        _memo[node] = result;
        return result;
    }

    private void Flatten(Node node, List<Node> factors, bool isRoot)
    {
        if (node.Op is MatMul && (isRoot || _uses.GetValueOrDefault(node) <= 1))
        {
            Flatten(node.Inputs[0], factors, isRoot: false);
            Flatten(node.Inputs[1], factors, isRoot: false);
            return;
        }
        factors.Add(node);
    }

    private Node Order(List<Node> factors, Node origin)
    {
        int n = factors.Count;
        if (_rightToLeft)
        {
            Node product = factors[^1];
            for (int i = n - 2; i >= 0; i--)
            {
                product = _graph.Make(new MatMul(), origin.Span, factors[i], product);
            }
            return product;
        }
        long[] dims = new long[n + 1];
        for (int i = 0; i < n; i++)
        {
            dims[i] = Size(factors[i].Shape.Rows);
        }
        dims[n] = Size(factors[^1].Shape.Cols);

        var cost = new double[n, n];
        var split = new int[n, n];
        for (int length = 2; length <= n; length++)
        {
            for (int i = 0; i + length - 1 < n; i++)
            {
                int j = i + length - 1;
                cost[i, j] = double.PositiveInfinity;
                for (int k = i; k < j; k++)
                {
                    double c = cost[i, k] + cost[k + 1, j] + (double)dims[i] * dims[k + 1] * dims[j + 1];
                    if (c < cost[i, j])
                    {
                        cost[i, j] = c;
                        split[i, j] = k;
                    }
                }
            }
        }
        return Build(factors, split, 0, n - 1, origin);
    }

    private Node Build(List<Node> factors, int[,] split, int i, int j, Node origin)
    {
        if (i == j)
        {
            return factors[i];
        }
        int k = split[i, j];
        Node left = Build(factors, split, i, k, origin);
        Node right = Build(factors, split, k + 1, j, origin);
        return _graph.Make(new MatMul(), origin.Span, left, right);
    }

    private long Size(Dim dim) => dim.Evaluate(_sizeOf);
}

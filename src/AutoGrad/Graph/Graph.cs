using AutoGrad.Diagnostics;
using AutoGrad.Ops;

namespace AutoGrad.Graph;

/// <summary>
/// The factory and owner of <see cref="Node"/>s. It keeps one node for each distinct
/// (operation, shape, inputs), so structurally equal subexpressions are the same object and a
/// value used twice is computed once. It also carries the source text, so that a shape error
/// found while building a node points at the user's text.
/// </summary>
public sealed class Graph
{
    /// <summary>The largest number of nodes one graph may hold; a bound on compile cost.</summary>
    public const int MaxNodes = 200_000;

    /// <summary>The deepest a node may be (a chain of 20,000 operations, counting gradients).</summary>
    public const int MaxDepth = 20_000;

    private readonly Dictionary<NodeKey, Node> _nodes = [];

    /// <summary>A graph whose errors point into <paramref name="source"/> when it is given.</summary>
    public Graph(SourceText? source = null)
    {
        Source = source;
    }

    /// <summary>The objective's text, used to place errors; null for graphs built in code.</summary>
    public SourceText? Source { get; }

    /// <summary>The number of distinct nodes made so far.</summary>
    public int Count => _nodes.Count;

    /// <summary>
    /// The node for <paramref name="op"/> over <paramref name="inputs"/>, checking shapes with the
    /// op's shape rule; an equal node made before is returned instead of a new one.
    /// </summary>
    public Node Make(Op op, SourceSpan span, params Node[] inputs)
    {
        Shape shape = op.InferShape(new ShapeContext(this, span), inputs);
        return Intern(op, shape, span, inputs);
    }

    /// <summary>A leaf node (variable, constant) of the given shape.</summary>
    public Node Leaf(Op op, Shape shape, SourceSpan span) => Intern(op, shape, span, []);

    private Node Intern(Op op, Shape shape, SourceSpan span, Node[] inputs)
    {
        var key = new NodeKey(op, shape, inputs);
        if (_nodes.TryGetValue(key, out Node? existing))
        {
            return existing;
        }
        if (_nodes.Count >= MaxNodes)
        {
            throw Errors.TooManyNodes(MaxNodes, Source, span);
        }
        if (shape.Count.IsKnown && shape.Count.Coefficient > Limits.MaxEntries)
        {
            throw Errors.TooManyEntries(shape, Limits.MaxEntries, Source, span);
        }
        var node = new Node(_nodes.Count, op, inputs, shape, span);
        if (node.Depth > MaxDepth)
        {
            throw Errors.TooDeepGraph(MaxDepth, Source, span);
        }
        _nodes.Add(key, node);
        return node;
    }

    private readonly struct NodeKey(Op op, Shape shape, Node[] inputs) : IEquatable<NodeKey>
    {
        private readonly Op _op = op;
        private readonly Shape _shape = shape;
        private readonly Node[] _inputs = inputs;

        public bool Equals(NodeKey other) =>
            _op.Equals(other._op) && _shape == other._shape
            && _inputs.AsSpan().SequenceEqual(other._inputs, ReferenceEqualityComparer.Instance);

        public override bool Equals(object? obj) => obj is NodeKey other && Equals(other);

        public override int GetHashCode()
        {
            var hash = new HashCode();
            hash.Add(_op);
            hash.Add(_shape);
            foreach (Node input in _inputs)
            {
                hash.Add(input.Id);
            }
            return hash.ToHashCode();
        }
    }
}

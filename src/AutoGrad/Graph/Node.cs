using AutoGrad.Diagnostics;
using AutoGrad.Ops;
using AutoGrad.Syntax;

namespace AutoGrad.Graph;

/// <summary>
/// One immutable vertex of a graph of matrix operations: an <see cref="Ops.Op"/> applied to its
/// inputs, with the shape of its value and the span of source text it came from. Nodes are
/// made only by a <see cref="Graph"/>, which keeps one node for each distinct structure.
/// </summary>
public sealed class Node
{
    private readonly Node[] _inputs;

    internal Node(int id, Op op, Node[] inputs, Shape shape, SourceSpan span)
    {
        Id = id;
        Op = op;
        _inputs = inputs;
        Shape = shape;
        Span = span;
        Depth = inputs.Length == 0 ? 1 : inputs.Max(i => i.Depth) + 1;
    }

    /// <summary>The longest path from this node down to a leaf, counting both ends.</summary>
    public int Depth { get; }

    /// <summary>A number unique within the node's graph; inputs always have smaller ids.</summary>
    public int Id { get; }

    /// <summary>The operation.</summary>
    public Op Op { get; }

    /// <summary>The operands.</summary>
    public IReadOnlyList<Node> Inputs => _inputs;

    /// <summary>The shape of the value.</summary>
    public Shape Shape { get; }

    /// <summary>The source text the node came from; derived nodes keep their origin's span.</summary>
    public SourceSpan Span { get; }

    /// <summary>The node as a formula in the objective language.</summary>
    public override string ToString() => Printer.Print(this);
}

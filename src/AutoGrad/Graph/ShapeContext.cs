using AutoGrad.Diagnostics;

namespace AutoGrad.Graph;

/// <summary>What a shape rule needs to report an error: the graph's source and the node's span.</summary>
public readonly struct ShapeContext
{
    internal ShapeContext(Graph graph, SourceSpan span)
    {
        Graph = graph;
        Span = span;
    }

    /// <summary>The graph the node is being made in.</summary>
    public Graph Graph { get; }

    /// <summary>Where in the source the node comes from.</summary>
    public SourceSpan Span { get; }

    internal SourceText? Source => Graph.Source;
}

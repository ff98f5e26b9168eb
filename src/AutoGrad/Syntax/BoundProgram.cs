using AutoGrad.Graph;

namespace AutoGrad.Syntax;

/// <summary>The graph of an objective's text: its objective node and the variables it reads.</summary>
internal sealed record BoundProgram(
    Graph.Graph Graph,
    Node Objective,
    IReadOnlyDictionary<string, Node> Variables,
    IReadOnlyList<string> DimSymbols);

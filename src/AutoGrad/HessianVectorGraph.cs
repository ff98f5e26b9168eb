using AutoGrad.Graph;

namespace AutoGrad;

/// <summary>
/// The product of an objective's Hessian with a direction, as a graph in the objective's
/// variables and one new variable, the direction, which has the shape of the variable
/// differentiated.
/// </summary>
public sealed class HessianVectorGraph
{
    internal HessianVectorGraph(Node node, string wrt, string direction)
    {
        Node = node;
        Wrt = wrt;
        Direction = direction;
    }

    /// <summary>The product H*v as a simplified graph, of the shape of <see cref="Wrt"/>.</summary>
    public Node Node { get; }

    /// <summary>The variable differentiated twice.</summary>
    public string Wrt { get; }

    /// <summary>The name of the direction variable v in <see cref="Node"/>.</summary>
    public string Direction { get; }

    /// <summary>The product as a formula in the objective language.</summary>
    public string Formula => Syntax.Printer.Print(Node);
}

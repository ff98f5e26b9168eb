using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// An operation of the graph. Each concrete op lives in one file with its three rules: the shape
/// rule (<see cref="InferShape"/>), the reference kernel (<see cref="Evaluate"/>, used by the
/// interpreter) and the derivative rule (<see cref="Vjp"/>, a vector-Jacobian product written
/// with graph nodes, so a gradient is again a graph). Ops are records: two ops with equal
/// attributes are equal, which lets a <see cref="Graph.Graph"/> share equal nodes.
/// </summary>
public abstract record Op
{
    /// <summary>The op's name as messages write it: an operator such as <c>'*'</c>, or a function.</summary>
    public abstract string Name { get; }

    /// <summary>The shape of the result, or a shape error pointing at the node's source.</summary>
    internal abstract Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs);

    /// <summary>The value of the node, given its inputs' values: the reference kernel.</summary>
    internal abstract Matrix<double> Evaluate(IReadOnlyList<Matrix<double>> inputs, EvalContext context);

    /// <summary>
    /// The contribution of the cotangent <paramref name="ct"/> of <paramref name="node"/> to the
    /// cotangent of each input, or null for an input the op's value does not depend on smoothly.
    /// A contribution may have a shape that expands to the input's; the caller sums it back.
    /// </summary>
    internal abstract Node?[] Vjp(Graph.Graph g, Node node, Node ct);
}

using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>A named input: data, a parameter to differentiate, or a named scalar such as gamma.</summary>
/// <param name="VariableName">The name as written in the objective.</param>
public sealed record Variable(string VariableName) : Op
{
    /// <inheritdoc/>
    public override string Name => VariableName;

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs) =>
        throw new InvalidOperationException("a variable is a leaf; its shape is declared");

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context) => context.Variable(VariableName);

    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct) => [];
}

using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>The identity matrix <c>eye(n)</c>; the node's shape gives n.</summary>
public sealed record Identity : Op
{
    /// <inheritdoc/>
    public override string Name => "eye";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs) =>
        throw new InvalidOperationException("eye is a leaf; its shape is given");

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context) =>
        Matrix<double>.Build.DenseIdentity(context.Output.Rows);

    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct) => [];
}

using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// <c>x'</c>, <c>x.'</c> and <c>transpose(x)</c> (the same for real matrices). The compiler
/// folds a transpose into the flags of the product that reads it, so it is rarely stored.
/// </summary>
public sealed record Transpose : Op
{
    /// <inheritdoc/>
    public override string Name => "transpose";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs) =>
        inputs[0].Shape.Transposed;

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context) => inputs[0].Transpose();

    // dx = ct'
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct) =>
        [new Builder(g, node.Span).T(ct)];
}

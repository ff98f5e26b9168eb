using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>The value of a named size, used as a number (<c>1/m*sum(...)</c>, <c>mean</c>).</summary>
/// <param name="Dim">The size.</param>
public sealed record DimValue(Dim Dim) : Op
{
    /// <inheritdoc/>
    public override string Name => Dim.ToString();

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs) =>
        Shape.Scalar;

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context) =>
        Matrix<double>.Build.Dense(1, 1, Dim.Evaluate(context.Dimension));

    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct) => [];
}

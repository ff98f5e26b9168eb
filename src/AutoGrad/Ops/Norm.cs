using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// The Frobenius norm <c>norm(X,'fro')</c>, which is also the 2-norm <c>norm(x)</c> of a vector.
/// Before differentiating, <c>norm(e)^2</c> is rewritten to a sum of squares, whose gradient
/// at e = 0 is 0 rather than 0/0.
/// </summary>
public sealed record Norm : Op
{
    /// <inheritdoc/>
    public override string Name => "norm";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs) =>
        Shape.Scalar;

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context) =>
        Matrix<double>.Build.Dense(1, 1, Math.Sqrt(inputs[0].Enumerate().Sum(v => v * v)));

    // dX = (ct / y) * X, reusing y = norm(X)
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        return [b.Mul(b.Div(ct, node), node.Inputs[0])];
    }
}

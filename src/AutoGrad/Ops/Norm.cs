using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// The Frobenius norm <c>norm(X,'fro')</c>, which is also the 2-norm <c>norm(x)</c> of a vector.
/// Before differentiating, <c>norm(e)^2</c> is rewritten to a sum of squares, whose gradient
/// at e = 0 is 0 rather than 0/0; the gradient of the norm itself at 0 is taken as 0.
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

    // dX = ct * X / y, reusing y = norm(X). At X = 0 the norm has no derivative; as PyTorch
    // does, the gradient there is 0: the divisor max(y, 5e-324) turns 0/0 into 0/5e-324.
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        Node divisor = g.Make(new Maximum(), node.Span, node, b.Const(double.Epsilon));
        return [b.Div(b.Mul(ct, node.Inputs[0]), divisor)];
    }
}

using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// <c>det(X)</c>, the determinant of a square matrix, as the product of its LU pivots. Its
/// gradient uses inv(X), so at a singular X the gradient is a binding error, not a value.
/// </summary>
public sealed record Det : Op
{
    /// <inheritdoc/>
    public override string Name => "det";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs)
    {
        Shape x = inputs[0].Shape;
        if (x.Rows != x.Cols)
        {
            throw Errors.NotSquare(Name, x, context.Source, context.Span);
        }
        return Shape.Scalar;
    }

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context) =>
        Matrix<double>.Build.Dense(1, 1, inputs[0].Determinant());

    /// <summary>The kernel: output[0] = det(x) for an n x n column-major x.</summary>
    internal static void Kernel(double[] x, int n, int cols, double[] output) =>
        output[0] = Factorization.View(x, n, n).Determinant();

    // d det(X)/dX = det(X) * inv(X)': dX = (ct * y) * inv(X)'
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        Node inverse = g.Make(new Inverse(), node.Span, node.Inputs[0]);
        return [b.Mul(b.Mul(ct, node), b.T(inverse))];
    }
}

using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// The matrix product <c>A*B</c> of an n x k and a k x m matrix. (<c>*</c> with a scalar side is
/// a <see cref="Multiply"/>.) The compiler runs it as one GEMM call.
/// </summary>
public sealed record MatMul : Op
{
    /// <inheritdoc/>
    public override string Name => "'*'";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs)
    {
        Shape a = inputs[0].Shape, b = inputs[1].Shape;
        if (a.Cols != b.Rows)
        {
            throw Errors.ProductShapes(a, b, context.Source, context.Span);
        }
        return new Shape(a.Rows, b.Cols);
    }

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context) => inputs[0] * inputs[1];

    // dA = ct * B',  dB = A' * ct
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        Node left = node.Inputs[0], right = node.Inputs[1];
        return [b.MatMul(ct, b.T(right)), b.MatMul(b.T(left), ct)];
    }
}

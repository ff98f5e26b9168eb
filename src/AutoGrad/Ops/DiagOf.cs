using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// <c>diag(X)</c> of a square n x n matrix: its diagonal as an n x 1 column. (Of a vector,
/// <c>diag(v)</c> is a <see cref="DiagMatrix"/>.)
/// </summary>
public sealed record DiagOf : Op
{
    /// <inheritdoc/>
    public override string Name => "diag";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs)
    {
        Shape x = inputs[0].Shape;
        if (x.Rows != x.Cols)
        {
            throw Errors.NotSquare("diag of a matrix", x, context.Source, context.Span);
        }
        return new Shape(x.Rows, Dim.One);
    }

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context) =>
        Matrix<double>.Build.DenseOfColumnVectors(inputs[0].Diagonal());

    /// <summary>The kernel: output = the diagonal of an n x n column-major x.</summary>
    internal static void Kernel(double[] x, int n, int cols, double[] output)
    {
        for (int i = 0; i < n; i++)
        {
            output[i] = x[i * (n + 1)];
        }
    }

    // dX = diag(ct): the cotangent on the diagonal, zero elsewhere
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct) =>
        [g.Make(new DiagMatrix(), node.Span, ct)];
}

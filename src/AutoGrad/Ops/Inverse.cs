using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// <c>inv(X)</c>, the inverse of a square matrix, through its LU factorisation. A singular
/// value at call time is a <see cref="ErrorKind.Binding"/> error naming the matrix. To solve
/// a system, write <c>A\B</c>, which never forms the inverse.
/// </summary>
public sealed record Inverse : Op
{
    /// <inheritdoc/>
    public override string Name => "inv";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs)
    {
        Shape x = inputs[0].Shape;
        if (x.Rows != x.Cols)
        {
            throw Errors.NotSquare(Name, x, context.Source, context.Span);
        }
        return x;
    }

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context) =>
        Factorization.Lu(inputs[0], Name, Factorization.SubjectOf(context)).Inverse();

    /// <summary>The kernel: output = inv(x) for an n x n column-major x.</summary>
    internal static void Kernel(double[] x, int n, int cols, string subject, double[] output)
    {
        Matrix<double> matrix = Factorization.View(x, n, n);
        Factorization.Lu(matrix, "inv", () => subject).Inverse().ToColumnMajorArray()
            .CopyTo(output, 0);
    }

    // Y = inv(X): dX = -Y' * ct * Y'
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        Node yt = b.T(node);
        return [b.Neg(b.MatMul(b.MatMul(yt, ct), yt))];
    }
}

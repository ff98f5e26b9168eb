using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// <c>A\B</c>: the solution X of A*X = B for a square A, by LU factorisation, never forming
/// inv(A). <c>B/A</c> is built as <c>(A'\B')'</c>. A singular A at call time is a
/// <see cref="ErrorKind.Binding"/> error naming it.
/// </summary>
public sealed record Solve : Op
{
    /// <inheritdoc/>
    public override string Name => "'\\'";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs)
    {
        Shape a = inputs[0].Shape, b = inputs[1].Shape;
        if (a.Rows != a.Cols)
        {
            throw Errors.NotSquare(Name, a, context.Source, context.Span);
        }
        if (a.Cols != b.Rows)
        {
            throw Errors.SolveShapes(left: true, a, b, context.Source, context.Span);
        }
        return b;
    }

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context) =>
        Factorization.Lu(inputs[0], Name, Factorization.SubjectOf(context)).Solve(inputs[1]);

    /// <summary>The kernel: output = a\b for an n x n a and an n x m b, column-major.</summary>
    internal static void Kernel(double[] a, int n, int aCols, double[] b, int rows, int cols,
        string subject, double[] output)
    {
        Matrix<double> matrix = Factorization.View(a, n, n);
        Matrix<double> x = Factorization.Lu(matrix, "'\\'", () => subject)
            .Solve(Factorization.View(b, rows, cols));
        x.ToColumnMajorArray().CopyTo(output, 0);
    }

    // X = A\B:  dB = A'\ct,  dA = -dB * X'
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        Node db = g.Make(new Solve(), node.Span, b.T(node.Inputs[0]), ct);
        return [b.Neg(b.MatMul(db, b.T(node))), db];
    }
}

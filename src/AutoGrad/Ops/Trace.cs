using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary><c>trace(X)</c>, the sum of the diagonal of a square matrix.</summary>
public sealed record Trace : Op
{
    /// <inheritdoc/>
    public override string Name => "trace";

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
        Matrix<double>.Build.Dense(1, 1, inputs[0].Trace());

    /// <summary>The kernel: the sum of the diagonal of an n x n column-major matrix.</summary>
    internal static double Kernel(double[] x, int n)
    {
        double sum = 0;
        for (int i = 0; i < n; i++)
        {
            sum += x[i * (n + 1)];
        }
        return sum;
    }

    // dX = ct * eye(n)
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        return [b.Mul(ct, b.Eye(node.Inputs[0].Shape.Rows))];
    }
}

using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// <c>diag(v)</c> of a column or row v of n entries: the n x n matrix with v on its diagonal
/// and zeros elsewhere. (Of a square matrix, <c>diag(X)</c> is a <see cref="DiagOf"/>.)
/// </summary>
public sealed record DiagMatrix : Op
{
    /// <inheritdoc/>
    public override string Name => "diag";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs)
    {
        Dim n = inputs[0].Shape.Count;
        System.Diagnostics.Debug.Assert(inputs[0].Shape.IsVector, "diag(v) needs a vector");
        return new Shape(n, n);
    }

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context) =>
        Matrix<double>.Build.DenseOfDiagonalArray(inputs[0].ToColumnMajorArray());

    /// <summary>The kernel: output = the n x n matrix with v's n entries on its diagonal.</summary>
    internal static void Kernel(double[] v, int rows, int cols, double[] output)
    {
        int n = rows * cols;
        Array.Clear(output, 0, n * n);
        for (int i = 0; i < n; i++)
        {
            output[i * (n + 1)] = v[i];
        }
    }

    // dv = diag(ct), shaped as v
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        return [b.Reshape(g.Make(new DiagOf(), node.Span, ct), node.Inputs[0].Shape)];
    }
}

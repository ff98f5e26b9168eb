using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// <c>logsumexp(X)</c>, <c>logsumexp(X,1|2|'all')</c>: log(sum(exp(X))) over columns, rows or
/// all entries, computed as max + log(sum(exp(X - max))) so it is finite wherever the result
/// is; the rewrite of <c>log(sum(exp(X)))</c> before differentiating.
/// </summary>
/// <param name="Dim">1 for columns, 2 for rows, 0 for all entries, as <see cref="Sum"/>.</param>
public sealed record LogSumExp(int Dim) : Op
{
    /// <inheritdoc/>
    public override string Name => "logsumexp";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs) =>
        new Sum(Dim).InferShape(context, inputs);

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context)
    {
        Matrix<double> x = inputs[0];
        var (rows, cols) = context.Output;
        var output = new double[rows * cols];
        Kernel(x.ToColumnMajorArray(), x.RowCount, x.ColumnCount, Dim, output);
        return Matrix<double>.Build.Dense(rows, cols, output);
    }

    /// <summary>The kernel over a column-major rows x cols matrix, into output.</summary>
    internal static void Kernel(double[] x, int rows, int cols, int dim, double[] output)
    {
        int groups = dim switch { 1 => cols, 2 => rows, _ => 1 };
        int length = dim switch { 1 => rows, 2 => cols, _ => rows * cols };
        for (int g = 0; g < groups; g++)
        {
            // entry k of group g: a column walks down, a row walks across, 'all' walks everything
            int start = dim == 1 ? g * rows : g, stride = dim == 2 ? rows : 1;
            double max = double.NegativeInfinity;
            for (int k = 0; k < length; k++)
            {
                max = Math.Max(max, x[start + (k * stride)]);
            }
            if (double.IsInfinity(max))
            {
                output[g] = max;
                continue;
            }
            double sum = 0;
            for (int k = 0; k < length; k++)
            {
                sum += Math.Exp(x[start + (k * stride)] - max);
            }
            output[g] = max + Math.Log(sum);
        }
    }

    // dX = ct .* exp(X - y): the softmax along the reduced dimension, reusing y
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        Node x = node.Inputs[0];
        return [b.Mul(ct, b.Apply(new Exp(), b.Sub(x, node)))];
    }
}

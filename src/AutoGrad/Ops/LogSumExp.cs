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
        IReadOnlyList<Matrix<double>> inputs, EvalContext context) =>
        Reduction.Evaluate(inputs[0], context.Output, Dim, Kernel);

    /// <summary>The kernel over a column-major rows x cols matrix, into output.</summary>
    internal static void Kernel(double[] x, int rows, int cols, int dim, double[] output)
    {
        var walk = Reduction.Of(rows, cols, dim);
        for (int g = 0; g < walk.Groups; g++)
        {
            double max = double.NegativeInfinity;
            for (int k = 0; k < walk.Length; k++)
            {
                max = Math.Max(max, x[walk.Index(g, k)]);
            }
            if (double.IsInfinity(max))
            {
                output[g] = max;
                continue;
            }
            double sum = 0;
            for (int k = 0; k < walk.Length; k++)
            {
                sum += Math.Exp(x[walk.Index(g, k)] - max);
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

using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// <c>prod(X)</c>, <c>prod(X,1|2|'all')</c>: the product of the entries of each column, each
/// row or of all entries, as <see cref="Sum"/> sums them.
/// </summary>
/// <param name="Dim">1 for columns, 2 for rows, 0 for all entries.</param>
public sealed record Prod(int Dim) : Op
{
    /// <inheritdoc/>
    public override string Name => "prod";

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
            double product = 1;
            for (int k = 0; k < walk.Length; k++)
            {
                product *= x[walk.Index(g, k)];
            }
            output[g] = product;
        }
    }

    // dX = ct .* y ./ X, reusing y = prod(X); it is NaN where an entry of X is 0
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        return [b.Mul(ct, b.Div(node, node.Inputs[0]))];
    }
}

using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// <c>max(X,[],dim)</c> or <c>min(X,[],dim)</c> (and <c>max(X)</c>, <c>min(X)</c>): the largest
/// or smallest entry of each column, each row or of all entries. A NaN entry makes its result
/// NaN.
/// </summary>
/// <param name="Dim">1 for columns, 2 for rows, 0 for all entries, as <see cref="Sum"/>.</param>
/// <param name="Largest">True for max, false for min.</param>
public sealed record Extremum(int Dim, bool Largest) : Op
{
    /// <inheritdoc/>
    public override string Name => Largest ? "max" : "min";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs) =>
        new Sum(Dim).InferShape(context, inputs);

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context)
    {
        Matrix<double> x = inputs[0];
        var (rows, cols) = context.Output;
        var output = new double[rows * cols];
        Kernel(x.ToColumnMajorArray(), x.RowCount, x.ColumnCount, Dim, Largest, output);
        return Matrix<double>.Build.Dense(rows, cols, output);
    }

    /// <summary>The kernel over a column-major rows x cols matrix, into output.</summary>
    internal static void Kernel(
        double[] x, int rows, int cols, int dim, bool largest, double[] output)
    {
        var walk = Reduction.Of(rows, cols, dim);
        for (int g = 0; g < walk.Groups; g++)
        {
            double best = x[walk.Index(g, 0)];
            for (int k = 1; k < walk.Length && !double.IsNaN(best); k++)
            {
                double v = x[walk.Index(g, k)];
                if ((largest ? v > best : v < best) || double.IsNaN(v))
                {
                    best = v;
                }
            }
            output[g] = best;
        }
    }

    // The cotangent goes to the selected entry; t tied entries get ct/t each, as max(X,Y) splits:
    // dX = ct .* (X == y) ./ sum(X == y, dim)
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        Node selected = b.Compare(Comparison.Equal, node.Inputs[0], node);
        return [b.Mul(ct, b.Div(selected, b.Sum(selected, Dim)))];
    }
}

using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// <c>repelem(X, r, c)</c>: each entry of X repeated as an r x c block, as in MATLAB.
/// </summary>
/// <param name="Down">The height of each block.</param>
/// <param name="Across">The width of each block.</param>
public sealed record Repelem(Dim Down, Dim Across) : Op
{
    /// <inheritdoc/>
    public override string Name => "repelem";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs) =>
        new Repmat(Down, Across).InferShape(context, inputs);

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context)
    {
        Matrix<double> x = inputs[0];
        var (rows, cols) = context.Output;
        int down = rows / x.RowCount, across = cols / x.ColumnCount;
        return Matrix<double>.Build.Dense(rows, cols, (i, j) => x[i / down, j / across]);
    }

    /// <summary>The kernel: each entry of x as a block of an outRows x outCols output.</summary>
    internal static void Kernel(
        double[] x, int rows, int cols, int outRows, int outCols, double[] output)
    {
        int down = outRows / rows, across = outCols / cols;
        for (int j = 0; j < outCols; j++)
        {
            int from = rows * (j / across), to = outRows * j;
            for (int i = 0; i < outRows; i++)
            {
                output[to + i] = x[from + (i / down)];
            }
        }
    }

    // dX = the sum of each r x c block of ct. With ct(p + rb*(i + ra*(q + cb*j))) for entry
    // (p,q) of block (i,j): sum out p, bring q to the rows and sum it out, transpose back.
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        Dim ra = node.Inputs[0].Shape.Rows, ca = node.Inputs[0].Shape.Cols;
        Dim rb = Down, cb = Across;
        Node s1 = b.Sum(b.Reshape(ct, new Shape(rb, ra.Times(cb).Times(ca))), 1);
        Node m2 = b.T(b.Reshape(s1, new Shape(ra, cb.Times(ca))));
        Node s2 = b.Sum(b.Reshape(m2, new Shape(cb, ca.Times(ra))), 1);
        return [b.T(b.Reshape(s2, new Shape(ca, ra)))];
    }
}

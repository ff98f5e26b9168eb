using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// <c>repmat(X, r, c)</c>: X tiled r times down and c times across, as in MATLAB.
/// <c>kron(A, B)</c> is <c>repelem(A, rows of B, cols of B) .* repmat(B, rows of A, cols of A)</c>.
/// </summary>
/// <param name="Down">How many copies of X stand on each other.</param>
/// <param name="Across">How many copies of X stand side by side.</param>
public sealed record Repmat(Dim Down, Dim Across) : Op
{
    /// <inheritdoc/>
    public override string Name => "repmat";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs)
    {
        Shape x = inputs[0].Shape;
        return new Shape(x.Rows.Times(Down), x.Cols.Times(Across));
    }

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context)
    {
        Matrix<double> x = inputs[0];
        var (rows, cols) = context.Output;
        return Matrix<double>.Build.Dense(rows, cols,
            (i, j) => x[i % x.RowCount, j % x.ColumnCount]);
    }

    /// <summary>The kernel: the rows x cols x tiled into an outRows x outCols output.</summary>
    internal static void Kernel(
        double[] x, int rows, int cols, int outRows, int outCols, double[] output)
    {
        for (int j = 0; j < outCols; j++)
        {
            int from = rows * (j % cols), to = outRows * j;
            for (int i = 0; i < outRows; i++)
            {
                output[to + i] = x[from + (i % rows)];
            }
        }
    }

    // dX = the sum of the r x c tiles of ct. With ct(p + rb*(i + ra*(q + cb*j))) for entry (p,q)
    // of tile (i,j), two reshapes with a transpose between bring i, then j, to the rows summed.
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        Dim rb = node.Inputs[0].Shape.Rows, cb = node.Inputs[0].Shape.Cols;
        Dim ra = Down, ca = Across;
        Node m1 = b.Reshape(ct, new Shape(rb, ra.Times(cb).Times(ca)));
        Node s1 = b.Sum(b.Reshape(b.T(m1), new Shape(ra, cb.Times(ca).Times(rb))), 1);
        Node m3 = b.Reshape(s1, new Shape(cb, ca.Times(rb)));
        Node s2 = b.Sum(b.Reshape(b.T(m3), new Shape(ca, rb.Times(cb))), 1);
        return [b.Reshape(s2, node.Inputs[0].Shape)];
    }
}

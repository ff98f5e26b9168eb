using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// A sum of entries: <c>sum(X,1)</c> sums each column (1 x m), <c>sum(X,2)</c> each row (n x 1),
/// and <c>sum(X,'all')</c> (here <see cref="Dim"/> 0) every entry.
/// </summary>
/// <param name="Dim">1 for columns, 2 for rows, 0 for all entries.</param>
public sealed record Sum(int Dim) : Op
{
    /// <inheritdoc/>
    public override string Name => "sum";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs)
    {
        Shape x = inputs[0].Shape;
        return Dim switch
        {
            1 => new Shape(Graph.Dim.One, x.Cols),
            2 => new Shape(x.Rows, Graph.Dim.One),
            _ => Shape.Scalar,
        };
    }

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context)
    {
        Matrix<double> x = inputs[0];
        return Dim switch
        {
            1 => Matrix<double>.Build.DenseOfRowVectors(x.ColumnSums()),
            2 => Matrix<double>.Build.DenseOfColumnVectors(x.RowSums()),
            _ => Matrix<double>.Build.Dense(1, 1, x.Enumerate().Sum()),
        };
    }

    // dX = ct expanded to the shape of X
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct) =>
        [new Builder(g, node.Span).Broadcast(ct, node.Inputs[0].Shape)];
}

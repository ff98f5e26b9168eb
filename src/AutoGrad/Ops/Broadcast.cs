using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// A scalar, column or row expanded to a larger shape, as implicit expansion would. Derivative
/// rules make it (the cotangent of a sum); rewrites remove it wherever an elementwise consumer
/// would expand the operand anyway. It prints as a product with <c>ones(r,c)</c>.
/// </summary>
/// <param name="Target">The shape expanded to.</param>
public sealed record Broadcast(Shape Target) : Op
{
    /// <inheritdoc/>
    public override string Name => "expansion";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs)
    {
        Shape x = inputs[0].Shape;
        bool rowsFit = x.Rows == Target.Rows || x.Rows.IsOne;
        bool colsFit = x.Cols == Target.Cols || x.Cols.IsOne;
        if (!rowsFit || !colsFit)
        {
            throw Errors.ElementwiseShapes(Name, x, Target, context.Source, context.Span);
        }
        return Target;
    }

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context)
    {
        Matrix<double> x = inputs[0];
        var (rows, cols) = context.Output;
        return Matrix<double>.Build.Dense(rows, cols,
            (i, j) => x[x.RowCount == 1 ? 0 : i, x.ColumnCount == 1 ? 0 : j]);
    }

    // dx = ct summed back to the shape of x
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct) =>
        [new Builder(g, node.Span).ReduceTo(ct, node.Inputs[0].Shape)];
}

using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// An op of two matrices applied entry by entry, with implicit expansion: a 1x1, n x 1 or 1 x m
/// operand expands against an n x m one, as in MATLAB. Two vectors that would both expand
/// (n x 1 with 1 x m) are an error, since an accidental outer expansion hides bugs.
/// </summary>
public abstract record BinaryElementwiseOp : ElementwiseOp
{
    internal sealed override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs) =>
        ExpandedShape(context, this, inputs[0].Shape, inputs[1].Shape);

    /// <summary>The shape two operands expand to, or the error that says why they do not.</summary>
    internal static Shape ExpandedShape(ShapeContext context, Op op, Shape a, Shape b)
    {
        if (a == b || b.IsScalar)
        {
            return a;
        }
        if (a.IsScalar)
        {
            return b;
        }

        Dim? rows = ExpandedDim(a.Rows, b.Rows);
        Dim? cols = ExpandedDim(a.Cols, b.Cols);
        if (rows is null || cols is null)
        {
            throw Errors.ElementwiseShapes(op.Name, a, b, context.Source, context.Span);
        }
        bool aGrows = a.Rows != rows || a.Cols != cols;
        bool bGrows = b.Rows != rows || b.Cols != cols;
        if (aGrows && bGrows)
        {
            throw Errors.OuterExpansion(op.Name, a, b, context.Source, context.Span);
        }
        return new Shape(rows.Value, cols.Value);
    }

    private static Dim? ExpandedDim(Dim a, Dim b) =>
        a == b ? a : a.IsOne ? b : b.IsOne ? a : null;

    internal sealed override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context)
    {
        var f = Kernel.CreateDelegate<Func<double, double, double>>();
        Matrix<double> a = inputs[0], b = inputs[1];
        int rows = Math.Max(a.RowCount, b.RowCount), cols = Math.Max(a.ColumnCount, b.ColumnCount);
        return Matrix<double>.Build.Dense(rows, cols, (i, j) => f(
            a[a.RowCount == 1 ? 0 : i, a.ColumnCount == 1 ? 0 : j],
            b[b.RowCount == 1 ? 0 : i, b.ColumnCount == 1 ? 0 : j]));
    }
}

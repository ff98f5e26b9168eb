using System.Linq.Expressions;
using AutoGrad.Graph;
using AutoGrad.Ops;
using AutoGrad.Runtime;

namespace AutoGrad.Compilation;

internal sealed partial class Compiler
{
    private static readonly System.Reflection.MethodInfo GemmMethod =
        typeof(IBlas).GetMethod(nameof(IBlas.Gemm))!;

    // C = alpha * op(A) * op(B), one GEMM call; a transposed operand is passed as its stored
    // matrix with the transpose flag, so it is never copied.
    private void EmitProduct(Node product, Expression alpha, ParameterExpression target)
    {
        var (a, transA) = Unwrap(product.Inputs[0]);
        var (b, transB) = Unwrap(product.Inputs[1]);
        Shape shape = product.Shape;
        Expression inner = Size(product.Inputs[0].Shape.Cols);
        _products++;
        _body.Add(Expression.Call(Expression.Constant(_blas, typeof(IBlas)), GemmMethod,
            Expression.Constant(transA), Expression.Constant(transB),
            Size(shape.Rows), Size(shape.Cols), inner,
            alpha, _buffers[a], Size(a.Shape.Rows),
            _buffers[b], Size(b.Shape.Rows),
            Expression.Constant(0.0), target, Size(shape.Rows)));
    }

    private static (Node Stored, bool Transposed) Unwrap(Node operand) =>
        operand.Op is Transpose ? (operand.Inputs[0], true) : (operand, false);

    private static Expression Loop(Expression count, Func<ParameterExpression, Expression> body)
    {
        ParameterExpression index = Expression.Variable(typeof(int), "i");
        LabelTarget done = Expression.Label("done");
        return Expression.Block([index],
            Expression.Assign(index, Expression.Constant(0)),
            Expression.Loop(
                Expression.IfThenElse(Expression.LessThan(index, count),
                    Expression.Block(body(index), Expression.PreIncrementAssign(index)),
                    Expression.Break(done)),
                done));
    }

    private ParameterExpression Local(Type type, string name)
    {
        ParameterExpression local = Expression.Variable(type, name);
        _locals.Add(local);
        return local;
    }
}

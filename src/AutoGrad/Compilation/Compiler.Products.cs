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
    private void EmitProduct(Node product, Expression alpha, ParameterExpression target, double beta)
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
            Expression.Constant(beta), target, Size(shape.Rows)));
    }

    // x +- P1 +- P2: the operand that is not a product is written first (with its sign), then
    // each product adds itself with beta = 1; a subtracted product gets a negated alpha.
    private void EmitAccumulation(Node node, Node[] products, ParameterExpression buffer)
    {
        double beta = 0;
        for (int side = 0; side < 2; side++)
        {
            Node operand = node.Inputs[side];
            double sign = node.Op is Subtract && side == 1 ? -1 : 1;
            if (products.Contains(operand))
            {
                continue;
            }
            Expression Signed(Coord c) =>
                sign < 0 ? Expression.Negate(Value(operand, c)) : Value(operand, c);
            Expression? SignedVector(Expression k) => VectorValue(operand, k) is { } v
                ? (sign < 0 ? Expression.Negate(v) : v)
                : null;
            EmitFill(buffer, node.Shape, operand, Signed, vectorEntry: SignedVector);
            beta = 1;
        }
        for (int side = 0; side < 2; side++)
        {
            Node operand = node.Inputs[side];
            if (!products.Contains(operand))
            {
                continue;
            }
            double sign = node.Op is Subtract && side == 1 ? -1 : 1;
            var (alpha, product) = operand.Op is MatMul
                ? ((Expression)Expression.Constant(sign), operand)
                : (Expression.Multiply(Expression.Constant(sign), Value(operand.Inputs[0], Coord.Scalar)),
                    operand.Inputs[1]);
            EmitProduct(product, alpha, buffer, beta);
            beta = 1;
        }
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

using System.Linq.Expressions;
using System.Numerics;
using System.Reflection;
using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Compilation;

internal sealed partial class Compiler
{
    private static readonly Type VectorType = typeof(Vector<double>);
    private static readonly ConstructorInfo Splat = VectorType.GetConstructor([typeof(double)])!;
    private static readonly ConstructorInfo Load =
        VectorType.GetConstructor([typeof(double[]), typeof(int)])!;
    private static readonly MethodInfo Store =
        VectorType.GetMethod(nameof(Vector<double>.CopyTo), [typeof(double[]), typeof(int)])!;
    private static readonly MethodInfo SquareRoot = typeof(Vector)
        .GetMethods().Single(m => m.Name == nameof(Vector.SquareRoot) && m.IsGenericMethod)
        .MakeGenericMethod(typeof(double));
    private static readonly MethodInfo ExpMethod =
        typeof(Vector).GetMethod(nameof(Vector.Exp), [typeof(Vector<double>)])!;
    private static readonly MethodInfo LogMethod =
        typeof(Vector).GetMethod(nameof(Vector.Log), [typeof(Vector<double>)])!;
    private static readonly MethodInfo DotMethod = typeof(Vector)
        .GetMethods().Single(m => m.Name == nameof(Vector.Dot) && m.IsGenericMethod)
        .MakeGenericMethod(typeof(double));

    // A linear loop whose fused tree has a vector form runs Vector<double>.Count entries a
    // step, then finishes the tail one entry at a time.
    private Expression VectorLoop(Expression count, Func<Expression, Expression> vectorStep,
        Func<Expression, Expression> scalarStep)
    {
        ParameterExpression k = Local(typeof(int), "k");
        int width = Vector<double>.Count;
        LabelTarget vectorsDone = Expression.Label("vectorsDone"), done = Expression.Label("done");
        return Expression.Block(
            Expression.Assign(k, Expression.Constant(0)),
            Expression.Loop(Expression.IfThenElse(
                Expression.LessThanOrEqual(k, Expression.Subtract(count, Expression.Constant(width))),
                Expression.Block(vectorStep(k), Expression.AddAssign(k, Expression.Constant(width))),
                Expression.Break(vectorsDone)), vectorsDone),
            Expression.Loop(Expression.IfThenElse(Expression.LessThan(k, count),
                Expression.Block(scalarStep(k), Expression.PreIncrementAssign(k)),
                Expression.Break(done)), done));
    }

    // buffer = entry for every entry, a vector at a time where the tree allows.
    private Expression? VectorFill(ParameterExpression buffer, Shape shape, Node source,
        Func<Coord, Expression> entry, Func<Expression, Expression?> vectorEntry)
    {
        if (vectorEntry(Expression.Constant(0)) is null)
        {
            return null;
        }
        return VectorLoop(Count(shape),
            k => Expression.Call(vectorEntry(k)!, Store, buffer, k),
            k => Expression.Assign(Expression.ArrayAccess(buffer, k), entry(new Coord(k, null, null))));
    }

    // acc += term(entry) over every entry of x: vector partial sums, then the tail.
    private Expression? VectorSum(Node x, ParameterExpression acc, Func<Expression, Expression> term)
    {
        if (VectorValue(x, Expression.Constant(0)) is null || !CanRunLinearly(x, x.Shape))
        {
            return null;
        }
        ParameterExpression partial = Local(VectorType, "partial");
        return Expression.Block(
            Expression.Assign(partial, Expression.Default(VectorType)),
            VectorLoop(Count(x.Shape),
                k => Expression.AddAssign(partial, term(VectorValue(x, k)!)),
                k => Expression.AddAssign(acc, term(Value(x, new Coord(k, null, null))))),
            Expression.AddAssign(acc,
                Expression.Call(DotMethod, partial, Expression.New(Splat, Expression.Constant(1.0)))));
    }

    /// <summary>
    /// The vector of entries k .. k + width - 1 of a node in a linear loop, or null when some
    /// op in its fused tree has no vector form (functions such as tanh run entry by entry).
    /// </summary>
    private Expression? VectorValue(Node node, Expression k, bool fusedRoot = false)
    {
        if (node.Shape.IsScalar)
        {
            return Expression.New(Splat, Value(node, Coord.Scalar, fusedRoot));
        }
        if (!fusedRoot && !_inlined.Contains(node))
        {
            return Expression.New(Load, _buffers[node], k);
        }
        Expression? Operand(int i) => VectorValue(node.Inputs[i], k);
        return node.Op switch
        {
            Transpose or Broadcast => Operand(0),
            Add => Binary(Operand(0), Operand(1), Expression.Add),
            Subtract => Binary(Operand(0), Operand(1), Expression.Subtract),
            Multiply => Binary(Operand(0), Operand(1), Expression.Multiply),
            Divide => Binary(Operand(0), Operand(1), Expression.Divide),
            Power when Constant.Is(node.Inputs[1], 2) => Square(Operand(0)),
            Power when Constant.Is(node.Inputs[1], 1) => Operand(0),
            Sqrt => Operand(0) is { } x ? Expression.Call(SquareRoot, x) : null,
            Exp => Operand(0) is { } x ? Expression.Call(ExpMethod, x) : null,
            Log => Operand(0) is { } x ? Expression.Call(LogMethod, x) : null,
            _ => null,
        };
    }

    private static Expression? Binary(Expression? a, Expression? b, Func<Expression, Expression, Expression> op) =>
        a is null || b is null ? null : op(a, b);

    private static Expression? Square(Expression? x)
    {
        if (x is null)
        {
            return null;
        }
        ParameterExpression t = Expression.Variable(x.Type, "t");
        return Expression.Block([t], Expression.Assign(t, x), Expression.Multiply(t, t));
    }
}

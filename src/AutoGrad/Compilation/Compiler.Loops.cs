using System.Linq.Expressions;
using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Compilation;

internal sealed partial class Compiler
{
    /// <summary>
    /// Where a fused expression reads: entry k of column-major storage (when every operand has
    /// the loop's shape or is 1x1), or row i and column j.
    /// </summary>
    private readonly record struct Coord(Expression? K, Expression? I, Expression? J)
    {
        public static Coord Scalar { get; } = new(Expression.Constant(0), null, null);

        public bool IsLinear => K is not null;
    }

    private void EmitElementwise(Node node, ParameterExpression buffer) =>
        EmitFill(buffer, node.Shape, node, c => Value(node, c, fusedRoot: true), isRoot: true,
            k => VectorValue(node, k, fusedRoot: true));

    // buffer = entry(c) for every entry of a result of the given shape, computed from source.
    private void EmitFill(ParameterExpression buffer, Shape shape, Node source,
        Func<Coord, Expression> entry, bool isRoot = false,
        Func<Expression, Expression?>? vectorEntry = null)
    {
        if (CanRunLinearly(source, shape, isRoot))
        {
            Expression? vectorized = VectorFill(buffer, shape, source, entry,
                k => vectorEntry?.Invoke(k));
            if (vectorized is not null)
            {
                _body.Add(vectorized);
                return;
            }
            _body.Add(Loop(Count(shape), k =>
                Expression.Assign(Expression.ArrayAccess(buffer, k), entry(new Coord(k, null, null)))));
            return;
        }
        Expression rows = Size(shape.Rows);
        _body.Add(Loop(Size(shape.Cols), j => Loop(rows, i =>
            Expression.Assign(
                Expression.ArrayAccess(buffer, Expression.Add(i, Expression.Multiply(j, rows))),
                entry(new Coord(null, i, j))))));
    }

    private void EmitSum(Node node, int dim, ParameterExpression buffer)
    {
        Node x = node.Inputs[0];
        Expression rows = Size(x.Shape.Rows), cols = Size(x.Shape.Cols);
        ParameterExpression acc = Local(typeof(double), "acc");
        Expression zero = Expression.Constant(0.0);
        switch (dim)
        {
            case 0:
                _body.Add(Expression.Assign(acc, zero));
                _body.Add(VectorSum(x, acc, v => v)
                    ?? ForEntries(x, c => Expression.AddAssign(acc, Value(x, c))));
                _body.Add(Expression.Assign(Expression.ArrayAccess(buffer, Expression.Constant(0)), acc));
                break;
            case 1:
                _body.Add(Loop(cols, j => Expression.Block(
                    Expression.Assign(acc, zero),
                    Loop(rows, i => Expression.AddAssign(acc, Value(x, new Coord(null, i, j)))),
                    Expression.Assign(Expression.ArrayAccess(buffer, j), acc))));
                break;
            default:
                _body.Add(Loop(rows, i => Expression.Assign(Expression.ArrayAccess(buffer, i), zero)));
                _body.Add(Loop(cols, j => Loop(rows, i =>
                    Expression.AddAssign(Expression.ArrayAccess(buffer, i), Value(x, new Coord(null, i, j))))));
                break;
        }
    }

    private void EmitNorm(Node node, ParameterExpression buffer)
    {
        Node x = node.Inputs[0];
        ParameterExpression acc = Local(typeof(double), "acc");
        ParameterExpression entry = Local(typeof(double), "entry");
        _body.Add(Expression.Assign(acc, Expression.Constant(0.0)));
        _body.Add(VectorSum(x, acc, v => Square(v)!) ?? ForEntries(x, c => Expression.Block(
            Expression.Assign(entry, Value(x, c)),
            Expression.AddAssign(acc, Expression.Multiply(entry, entry)))));
        var sqrt = typeof(Math).GetMethod(nameof(Math.Sqrt))!;
        _body.Add(Expression.Assign(
            Expression.ArrayAccess(buffer, Expression.Constant(0)), Expression.Call(sqrt, acc)));
    }

    private void EmitTrace(Node node, ParameterExpression buffer)
    {
        Node x = node.Inputs[0];
        var kernel = typeof(Trace).GetMethod(nameof(Trace.Kernel),
            System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!;
        _body.Add(Expression.Assign(Expression.ArrayAccess(buffer, Expression.Constant(0)),
            Expression.Call(kernel, _buffers[x], Size(x.Shape.Rows))));
    }

    private void EmitLogSumExp(Node node, int dim, ParameterExpression buffer)
    {
        Node x = node.Inputs[0];
        var kernel = typeof(LogSumExp).GetMethod(nameof(LogSumExp.Kernel),
            System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.NonPublic)!;
        _body.Add(Expression.Call(kernel, _buffers[Storage(x)], Size(x.Shape.Rows),
            Size(x.Shape.Cols), Expression.Constant(dim), buffer));
    }

    // An op with its own kernel: Kernel(x, rows, cols, [y, rows, cols,] attributes..., output),
    // each input read from its buffer; a Dim attribute is passed as its size at call time.
    private void EmitKernel(Node node, ParameterExpression buffer, params object[] attributes)
    {
        var method = node.Op.GetType().GetMethod("Kernel", System.Reflection.BindingFlags.Static
            | System.Reflection.BindingFlags.NonPublic)
            ?? throw new System.Diagnostics.UnreachableException($"{node.Op.Name} has no Kernel");
        var args = new List<Expression>();
        foreach (Node x in node.Inputs)
        {
            args.AddRange([_buffers[Storage(x)], Size(x.Shape.Rows), Size(x.Shape.Cols)]);
        }
        args.AddRange(attributes.Select(a => a is Dim d ? Size(d) : Expression.Constant(a)));
        args.Add(buffer);
        _body.Add(Expression.Call(method, args));
    }

    // One loop over every entry of x: linear when it can be, else over columns and rows.
    private Expression ForEntries(Node x, Func<Coord, Expression> body)
    {
        if (CanRunLinearly(x, x.Shape))
        {
            return Loop(Count(x.Shape), k => body(new Coord(k, null, null)));
        }
        Expression rows = Size(x.Shape.Rows);
        return Loop(Size(x.Shape.Cols), j => Loop(rows, i => body(new Coord(null, i, j))));
    }

    /// <summary>
    /// The expression for one entry of <paramref name="node"/> at <paramref name="at"/>:
    /// inlined nodes expand in place, stored ones are read from their buffers.
    /// </summary>
    private Expression Value(Node node, Coord at, bool fusedRoot = false)
    {
        if (!fusedRoot && !_inlined.Contains(node))
        {
            return Read(node, at);
        }
        switch (node.Op)
        {
            case Constant c:
                return Expression.Constant(c.Value);
            case DimValue d:
                return Expression.Convert(Size(d.Dim), typeof(double));
            case Identity when at.IsLinear:
                System.Diagnostics.Debug.Assert(node.Shape.IsScalar, "a linear loop reads eye only as 1x1");
                return Expression.Constant(1.0);
            case Identity:
                return Expression.Condition(Expression.Equal(at.I!, at.J!),
                    Expression.Constant(1.0), Expression.Constant(0.0));
            case Transpose:
                return Value(node.Inputs[0], at.IsLinear ? at : new Coord(null, at.J, at.I));
            case Broadcast:
                return Value(node.Inputs[0], Narrow(at, node.Inputs[0].Shape, node.Shape));
            case ElementwiseOp op:
                return op.Emit([.. node.Inputs.Select(i => Value(i, Narrow(at, i.Shape, node.Shape)))]);
            default:
                throw new System.Diagnostics.UnreachableException($"{node.Op.Name} cannot be fused");
        }
    }

    // The coordinate of an operand that expands along the dimensions where it has size 1.
    private static Coord Narrow(Coord at, Shape operand, Shape result)
    {
        Expression zero = Expression.Constant(0);
        if (at.IsLinear)
        {
            return operand.IsScalar && !result.IsScalar ? Coord.Scalar : at;
        }
        return new Coord(null,
            operand.Rows == result.Rows ? at.I : zero,
            operand.Cols == result.Cols ? at.J : zero);
    }

    private Expression Read(Node node, Coord at)
    {
        ParameterExpression buffer = _buffers[node];
        if (node.Shape.IsScalar)
        {
            return Expression.ArrayIndex(buffer, Expression.Constant(0));
        }
        if (at.IsLinear)
        {
            return Expression.ArrayIndex(buffer, at.K!);
        }
        Expression index = node.Shape.Rows.IsOne ? at.J!
            : node.Shape.Cols.IsOne ? at.I!
            : Expression.Add(at.I!, Expression.Multiply(at.J!, Size(node.Shape.Rows)));
        return Expression.ArrayIndex(buffer, index);
    }

    // A fused tree can walk storage in one linear loop when each node in it has the loop's
    // shape or is 1x1, and each transpose in it is of a vector (whose storage order it keeps).
    private bool CanRunLinearly(Node node, Shape loop, bool isRoot = false)
    {
        if (node.Shape.IsScalar)
        {
            return true;
        }
        if (node.Shape != loop)
        {
            return false;
        }
        if (!isRoot && !_inlined.Contains(node))
        {
            return true;
        }
        return node.Op switch
        {
            Transpose => node.Shape.IsVector
                && CanRunLinearly(node.Inputs[0], node.Inputs[0].Shape),
            Broadcast => node.Inputs[0].Shape.IsScalar,
            ElementwiseOp => node.Inputs.All(i => CanRunLinearly(i, loop)),
            _ => false,
        };
    }
}

using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Syntax;

internal sealed partial class Binder
{
    private static readonly Dictionary<string, Func<Binder, CallExpr, Node>> Functions = new()
    {
        ["sum"] = (b, c) => b.BindSum(c, mean: false),
        ["logsumexp"] = (b, c) => b.BindLogSumExp(c),
        ["softplus"] = (b, c) => b.BindUnaryFunction(c, new Softplus()),
        ["expm1"] = (b, c) => b.BindUnaryFunction(c, new Expm1()),
        ["mean"] = (b, c) => b.BindSum(c, mean: true),
        ["sqrt"] = (b, c) => b.BindUnaryFunction(c, new Sqrt()),
        ["exp"] = (b, c) => b.BindUnaryFunction(c, new Exp()),
        ["log"] = (b, c) => b.BindUnaryFunction(c, new Log()),
        ["log1p"] = (b, c) => b.BindUnaryFunction(c, new Log1p()),
        ["abs"] = (b, c) => b.BindUnaryFunction(c, new Abs()),
        ["tanh"] = (b, c) => b.BindUnaryFunction(c, new Tanh()),
        ["sigmoid"] = (b, c) => b.BindUnaryFunction(c, new Sigmoid()),
        ["sign"] = (b, c) => b.BindUnaryFunction(c, new Sign()),
        ["max"] = (b, c) => b.BindSelection(c, new Maximum()),
        ["min"] = (b, c) => b.BindSelection(c, new Minimum()),
        ["norm"] = (b, c) => b.BindNorm(c),
        ["trace"] = (b, c) => b.Build(c.NameSpan).Graph.Make(new Trace(), c.NameSpan, b.OneArg(c)),
        ["transpose"] = (b, c) => b.Build(c.NameSpan).T(b.OneArg(c)),
        ["ones"] = (b, c) => b.BindFill(c, 1),
        ["zeros"] = (b, c) => b.BindFill(c, 0),
        ["eye"] = (b, c) => b.BindEye(c),
        ["reshape"] = (b, c) => b.BindReshape(c),
        ["size"] = (b, c) => b.BindSize(c),
        ["numel"] = (b, c) => b.DimNode(c, b.OneArg(c).Shape.Count),
    };

    private Node BindCall(CallExpr call)
    {
        if (_assigned.ContainsKey(call.Name) || _shapes.ContainsKey(call.Name))
        {
            return BindIndex(call);
        }
        if (!Functions.TryGetValue(call.Name, out var bind))
        {
            throw Errors.UnknownFunction(call.Name, Functions.Keys, _source, call.NameSpan);
        }
        return bind(this, call);
    }

    // X(:) is every entry as one column, in column-major order.
    private Node BindIndex(CallExpr call)
    {
        Node x = BindName(new NameExpr(call.Name, call.NameSpan));
        if (call.Args is not [ColonExpr])
        {
            throw Errors.NotSupported($"indexing {call.Name}(...) other than {call.Name}(:)",
                $"{call.Name}(:) for all entries as one column", _source, call.Span);
        }
        return Build(call.Span).Reshape(x, new Shape(x.Shape.Count, Dim.One));
    }

    private Node OneArg(CallExpr call) => Args(call, 1, 1)[0];

    private Node[] Args(CallExpr call, int min, int max)
    {
        if (call.Args.Count < min || call.Args.Count > max)
        {
            throw Errors.ArgumentCount(call.Name, min, max, call.Args.Count, _source, call.Span);
        }
        return [.. call.Args.Select(BindExpr)];
    }

    private Node BindUnaryFunction(CallExpr call, UnaryFunction f) =>
        Build(call.NameSpan).Apply(f, OneArg(call));

    private Node BindSelection(CallExpr call, Op op)
    {
        if (call.Args.Count != 2)
        {
            throw Errors.NotSupported($"{call.Name} with {call.Args.Count} argument(s) (a reduction)",
                $"{call.Name}(X, Y) of two matrices, or of a matrix and a scalar", _source, call.Span);
        }
        Node[] args = Args(call, 2, 2);
        return _graph.Make(op, call.NameSpan, args[0], args[1]);
    }

    // sum(X) sums each column, as MATLAB does, except that a row sums to a scalar.
    private Node BindSum(CallExpr call, bool mean)
    {
        if (call.Args.Count is < 1 or > 2)
        {
            throw Errors.ArgumentCount(call.Name, 1, 2, call.Args.Count, _source, call.Span);
        }
        Node x = BindExpr(call.Args[0]);
        int dim = call.Args.Count == 2 ? SumDim(call, call.Args[1]) : x.Shape.Rows.IsOne ? 2 : 1;
        Builder build = Build(call.NameSpan);
        Node sum = build.Sum(x, dim);
        if (!mean)
        {
            return sum;
        }
        Dim count = dim switch { 1 => x.Shape.Rows, 2 => x.Shape.Cols, _ => x.Shape.Count };
        return build.Div(sum, DimNode(call, count));
    }

    private Node BindLogSumExp(CallExpr call)
    {
        if (call.Args.Count is < 1 or > 2)
        {
            throw Errors.ArgumentCount(call.Name, 1, 2, call.Args.Count, _source, call.Span);
        }
        Node x = BindExpr(call.Args[0]);
        int dim = call.Args.Count == 2 ? SumDim(call, call.Args[1]) : x.Shape.Rows.IsOne ? 2 : 1;
        return _graph.Make(new LogSumExp(dim), call.NameSpan, x);
    }

    private int SumDim(CallExpr call, Expr arg) => arg switch
    {
        StringExpr { Value: "all" } => 0,
        NumberExpr { Value: 1 } => 1,
        NumberExpr { Value: 2 } => 2,
        _ => throw Errors.BadArgument(call.Name, "1, 2 or 'all'", _source, arg.Span),
    };

    private Node DimNode(CallExpr call, Dim dim) => dim.IsKnown
        ? Build(call.NameSpan).Const(dim.Coefficient)
        : _graph.Leaf(new DimValue(dim), Shape.Scalar, call.NameSpan);

    private Node BindNorm(CallExpr call)
    {
        if (call.Args.Count is < 1 or > 2)
        {
            throw Errors.ArgumentCount("norm", 1, 2, call.Args.Count, _source, call.Span);
        }
        Node x = BindExpr(call.Args[0]);
        Builder build = Build(call.NameSpan);
        Expr? kind = call.Args.Count == 2 ? call.Args[1] : null;
        return kind switch
        {
            StringExpr { Value: "fro" } => _graph.Make(new Norm(), call.NameSpan, x),
            null or NumberExpr { Value: 2 } when x.Shape.IsVector =>
                _graph.Make(new Norm(), call.NameSpan, x),
            NumberExpr { Value: 1 } when x.Shape.IsVector =>
                build.Sum(build.Apply(new Abs(), x), 0),
            null or NumberExpr { Value: 2 } => throw Errors.NotSupported(
                $"norm of a {x.Shape} matrix (its largest singular value)",
                "norm(X,'fro') for the Frobenius norm", _source, call.Span),
            _ => throw Errors.NotSupported($"this kind of norm",
                "norm(x) or norm(x,1) of a vector, or norm(X,'fro')", _source, kind.Span),
        };
    }

    private Node BindFill(CallExpr call, double value)
    {
        Shape shape = SizeArgs(call);
        return Build(call.NameSpan).Fill(value, shape);
    }

    private Node BindEye(CallExpr call)
    {
        Shape shape = SizeArgs(call);
        if (shape.Rows != shape.Cols)
        {
            throw Errors.NotSupported("a non-square eye(r, c)", "eye(n)", _source, call.Span);
        }
        return Build(call.NameSpan).Eye(shape.Rows);
    }

    private Node BindReshape(CallExpr call)
    {
        if (call.Args.Count != 3)
        {
            throw Errors.ArgumentCount("reshape", 3, 3, call.Args.Count, _source, call.Span);
        }
        Node x = BindExpr(call.Args[0]);
        var shape = new Shape(BindDimFactor(call.Args[1]), BindDimFactor(call.Args[2]));
        return Build(call.NameSpan).Reshape(x, shape);
    }

    private Node BindSize(CallExpr call)
    {
        if (call.Args.Count != 2)
        {
            throw Errors.ArgumentCount("size", 2, 2, call.Args.Count, _source, call.Span);
        }
        Node x = BindExpr(call.Args[0]);
        return call.Args[1] switch
        {
            NumberExpr { Value: 1 } => DimNode(call, x.Shape.Rows),
            NumberExpr { Value: 2 } => DimNode(call, x.Shape.Cols),
            Expr other => throw Errors.BadArgument("size", "1 or 2", _source, other.Span),
        };
    }

    // ones(n) is n x n; ones(r, c) is r x c; each size a number or a named size.
    private Shape SizeArgs(CallExpr call)
    {
        if (call.Args.Count is < 1 or > 2)
        {
            throw Errors.ArgumentCount(call.Name, 1, 2, call.Args.Count, _source, call.Span);
        }
        Dim rows = BindDimFactor(call.Args[0]);
        Dim cols = call.Args.Count == 2 ? BindDimFactor(call.Args[1]) : rows;
        return new Shape(rows, cols);
    }
}

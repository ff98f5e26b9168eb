using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Syntax;

internal sealed partial class Binder
{
    private static readonly Dictionary<string, Func<Binder, CallExpr, Node>> Functions = new()
    {
        ["sum"] = (b, c) => b.BindSum(c, mean: false),
        ["logsumexp"] = (b, c) => b.BindReduction(c, dim => new LogSumExp(dim)),
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
        ["relu"] = (b, c) => b.BindUnaryFunction(c, new Relu()),
        ["sin"] = (b, c) => b.BindUnaryFunction(c, new Sin()),
        ["cos"] = (b, c) => b.BindUnaryFunction(c, new Cos()),
        ["log2"] = (b, c) => b.BindUnaryFunction(c, new Log2()),
        ["log10"] = (b, c) => b.BindUnaryFunction(c, new Log10()),
        ["power"] = (b, c) => b.BindPower(c),
        ["max"] = (b, c) => b.BindSelection(c, new Maximum()),
        ["min"] = (b, c) => b.BindSelection(c, new Minimum()),
        ["prod"] = (b, c) => b.BindReduction(c, dim => new Prod(dim)),
        ["softmax"] = (b, c) => b.BindSoftmax(c, log: false),
        ["logsoftmax"] = (b, c) => b.BindSoftmax(c, log: true),
        ["norm"] = (b, c) => b.BindNorm(c),
        ["polar"] = (b, c) => b.BindMatrixFunction(c, new Polar(RankOne: false)),
        ["polar1"] = (b, c) => b.BindMatrixFunction(c, new Polar(RankOne: true)),
        ["inv"] = (b, c) => b.BindMatrixFunction(c, new Inverse()),
        ["det"] = (b, c) => b.BindMatrixFunction(c, new Det()),
        ["logdet"] = (b, c) => b.BindMatrixFunction(c, new LogDet()),
        ["diag"] = (b, c) => b.BindDiag(c),
        ["trace"] = (b, c) => b.Build(c.NameSpan).Graph.Make(new Trace(), c.NameSpan, b.OneArg(c)),
        ["transpose"] = (b, c) => b.Build(c.NameSpan).T(b.OneArg(c)),
        ["ones"] = (b, c) => b.BindFill(c, 1),
        ["zeros"] = (b, c) => b.BindFill(c, 0),
        ["eye"] = (b, c) => b.BindEye(c),
        ["reshape"] = (b, c) => b.BindReshape(c),
        ["repmat"] = (b, c) => b.BindRepeat(c, (down, across) => new Repmat(down, across)),
        ["repelem"] = (b, c) => b.BindRepeat(c, (down, across) => new Repelem(down, across)),
        ["kron"] = (b, c) => b.BindKron(c),
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

    // A function of one whole matrix, such as inv(X).
    private Node BindMatrixFunction(CallExpr call, Op op) =>
        _graph.Make(op, call.NameSpan, OneArg(call));

    private Node BindUnaryFunction(CallExpr call, UnaryFunction f) =>
        Build(call.NameSpan).Apply(f, OneArg(call));

    // power(X, Y) is X .^ Y, with implicit expansion.
    private Node BindPower(CallExpr call)
    {
        Node[] args = Args(call, 2, 2);
        return Build(call.NameSpan).Pow(args[0], args[1]);
    }

    // max(X, Y) entry by entry; max(X) and max(X, [], dim) reduce, as in MATLAB.
    private Node BindSelection(CallExpr call, Op op)
    {
        bool largest = op is Maximum;
        switch (call.Args.Count)
        {
            case 1:
                return BindReduction(call, dim => new Extremum(dim, largest));
            case 3 when call.Args[1] is EmptyExpr:
                Node x = BindExpr(call.Args[0]);
                int dim = SumDim(call, call.Args[2]);
                return _graph.Make(new Extremum(dim, largest), call.NameSpan, x);
            case 3:
                throw Errors.BadArgument(call.Name, "[] (as in max(X,[],dim))", _source,
                    call.Args[1].Span);
        }
        Node[] args = Args(call, 2, 2);
        return _graph.Make(op, call.NameSpan, args[0], args[1]);
    }

    // f(X) reduces each column (a row to 1x1), f(X, dim) along 1, 2 or 'all', as sum does.
    private Node BindReduction(CallExpr call, Func<int, Op> op)
    {
        if (call.Args.Count is < 1 or > 2)
        {
            throw Errors.ArgumentCount(call.Name, 1, 2, call.Args.Count, _source, call.Span);
        }
        Node x = BindExpr(call.Args[0]);
        int dim = call.Args.Count == 2 ? SumDim(call, call.Args[1]) : x.Shape.Rows.IsOne ? 2 : 1;
        return _graph.Make(op(dim), call.NameSpan, x);
    }

    // logsoftmax(X, dim) = X - logsumexp(X, dim), finite wherever X is; softmax is its exp.
    private Node BindSoftmax(CallExpr call, bool log)
    {
        Node logSumExp = BindReduction(call, dim => new LogSumExp(dim));
        Builder build = Build(call.NameSpan);
        Node logSoftmax = build.Sub(logSumExp.Inputs[0], logSumExp);
        return log ? logSoftmax : build.Apply(new Exp(), logSoftmax);
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

    // norm(x), norm(x,1), norm(x,Inf) of a vector; of a matrix, as MATLAB: the largest singular
    // value, the largest column (row) sum of magnitudes, or norm(X,'fro'), norm(X,'nuc').
    private Node BindNorm(CallExpr call)
    {
        if (call.Args.Count is < 1 or > 2)
        {
            throw Errors.ArgumentCount("norm", 1, 2, call.Args.Count, _source, call.Span);
        }
        Node x = BindExpr(call.Args[0]);
        Builder build = Build(call.NameSpan);
        Expr? kind = call.Args.Count == 2 ? call.Args[1] : null;
        Node Make(Op op, Node input) => _graph.Make(op, call.NameSpan, input);
        Node Abs() => build.Apply(new Abs(), x);
        Op largest = new Extremum(0, Largest: true);
        return kind switch
        {
            StringExpr { Value: "fro" } => Make(new Norm(), x),
            StringExpr { Value: "nuc" } => Make(new NuclearNorm(), x),
            null or NumberExpr { Value: 2 } =>
                Make(x.Shape.IsVector ? new Norm() : new SpectralNorm(), x),
            NumberExpr { Value: 1 } when x.Shape.IsVector => build.Sum(Abs(), 0),
            NumberExpr { Value: 1 } => Make(largest, build.Sum(Abs(), 1)),
            NameExpr { Name: "Inf" } or StringExpr { Value: "inf" or "Inf" } =>
                Make(largest, x.Shape.IsVector ? Abs() : build.Sum(Abs(), 2)),
            _ => throw Errors.NotSupported($"this kind of norm",
                "norm(X), norm(X,1), norm(X,2), norm(X,Inf), norm(X,'fro') or norm(X,'nuc')",
                _source, kind.Span),
        };
    }

    // diag(v) of a vector is a diagonal matrix; diag(X) of a square matrix, its diagonal.
    private Node BindDiag(CallExpr call)
    {
        Node x = OneArg(call);
        Op op = x.Shape.IsVector && !x.Shape.IsScalar ? new DiagMatrix() : new DiagOf();
        return _graph.Make(op, call.NameSpan, x);
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

    // repmat(X, r, c) and repelem(X, r, c), the counts numbers or named sizes.
    private Node BindRepeat(CallExpr call, Func<Dim, Dim, Op> op)
    {
        if (call.Args.Count != 3)
        {
            throw Errors.ArgumentCount(call.Name, 3, 3, call.Args.Count, _source, call.Span);
        }
        Node x = BindExpr(call.Args[0]);
        Dim down = BindDimFactor(call.Args[1]), across = BindDimFactor(call.Args[2]);
        return _graph.Make(op(down, across), call.NameSpan, x);
    }

    // kron(A, B) = repelem(A, size(B)) .* repmat(B, size(A)): each entry of A scales a copy of B.
    private Node BindKron(CallExpr call)
    {
        Node[] args = Args(call, 2, 2);
        Shape a = args[0].Shape, b = args[1].Shape;
        Node blocks = _graph.Make(new Repelem(b.Rows, b.Cols), call.NameSpan, args[0]);
        Node tiles = _graph.Make(new Repmat(a.Rows, a.Cols), call.NameSpan, args[1]);
        return Build(call.NameSpan).Mul(blocks, tiles);
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

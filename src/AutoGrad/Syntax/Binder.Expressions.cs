using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Syntax;

internal sealed partial class Binder
{
    private Node BindExpr(Expr expr) => expr switch
    {
        NumberExpr n => Build(n.Span).Const(n.Value),
        NameExpr n => BindName(n),
        UnaryExpr u => BindUnary(u),
        TransposeExpr t => Build(t.OpSpan).T(BindExpr(t.Operand)),
        BinaryExpr b => BindBinary(b),
        CallExpr c => BindCall(c),
        StringExpr s => throw Errors.StringNotValue(s.Value, _source, s.Span),
        EmptyExpr e => throw Errors.NotSupported(
            "the empty matrix '[]' other than in max(X,[],dim) and min(X,[],dim)",
            "ones(r,c), zeros(r,c) or data bound to a name", _source, e.Span),
        ColonExpr c => throw Errors.Unexpected(
            new Token(TokenKind.Operator, ":", c.Span), "a value", _source),
        _ => throw new System.Diagnostics.UnreachableException(),
    };

    private Builder Build(SourceSpan span) => new(_graph, span);

    private Node BindName(NameExpr name)
    {
        if (_assigned.TryGetValue(name.Name, out Node? assigned))
        {
            return assigned;
        }
        if (_variables.TryGetValue(name.Name, out Node? variable))
        {
            return variable;
        }
        if (_shapes.TryGetValue(name.Name, out Shape shape))
        {
            return AddVariable(name, shape);
        }
        if (_options.Constants.TryGetValue(name.Name, out double value))
        {
            return Build(name.Span).Const(value);
        }
        if (_dims.Contains(name.Name))
        {
            return _graph.Leaf(new DimValue(Dim.Symbol(name.Name)), Shape.Scalar, name.Span);
        }
        if (BuiltinConstants.TryGetValue(name.Name, out double builtin))
        {
            return Build(name.Span).Const(builtin);
        }
        if (_options.UndeclaredAreScalars && !Functions.ContainsKey(name.Name))
        {
            return AddVariable(name, Shape.Scalar);
        }
        throw Errors.UnknownName(name.Name, Functions.ContainsKey(name.Name), _source, name.Span);
    }

    private Node AddVariable(NameExpr name, Shape shape)
    {
        Node node = _graph.Leaf(new Variable(name.Name), shape, name.Span);
        _variables[name.Name] = node;
        return node;
    }

    private Node BindUnary(UnaryExpr u)
    {
        Node operand = BindExpr(u.Operand);
        return u.Op == "-" ? Build(u.OpSpan).Neg(operand) : operand;
    }

    private Node BindBinary(BinaryExpr b)
    {
        Node left = BindExpr(b.Left), right = BindExpr(b.Right);
        Builder build = Build(b.OpSpan);
        return b.Op switch
        {
            "+" => build.Add(left, right),
            "-" => build.Sub(left, right),
            ".*" => build.Mul(left, right),
            "./" => build.Div(left, right),
            ".\\" => build.Div(right, left),
            ".^" => build.Pow(left, right),
            "*" => left.Shape.IsScalar || right.Shape.IsScalar
                ? build.Mul(left, right)
                : build.MatMul(left, right),
            "/" => BindRightDivision(b, left, right),
            "\\" => BindLeftDivision(b, left, right),
            "^" => BindMatrixPower(b, left, right),
            _ => build.Compare(ComparisonOf(b.Op), left, right),
        };
    }

    private static Comparison ComparisonOf(string op) => op switch
    {
        "<" => Comparison.Less,
        "<=" => Comparison.LessOrEqual,
        ">" => Comparison.Greater,
        ">=" => Comparison.GreaterOrEqual,
        "==" => Comparison.Equal,
        "~=" or "!=" => Comparison.NotEqual,
        _ => throw new System.Diagnostics.UnreachableException(op),
    };

    // B/A with a square matrix A solves X*A = B, as (A'\B')'; never forming inv(A).
    private Node BindRightDivision(BinaryExpr b, Node left, Node right)
    {
        Builder build = Build(b.OpSpan);
        if (right.Shape.IsScalar)
        {
            return build.Div(left, right);
        }
        if (right.Shape.Rows != right.Shape.Cols)
        {
            throw Errors.NotSquare("the divisor of '/'", right.Shape, _source, b.OpSpan);
        }
        if (left.Shape.Cols != right.Shape.Rows)
        {
            throw Errors.SolveShapes(left: false, right.Shape, left.Shape, _source, b.OpSpan);
        }
        return build.T(_graph.Make(new Solve(), b.OpSpan, build.T(right), build.T(left)));
    }

    // A\B with a square matrix A solves A*X = B.
    private Node BindLeftDivision(BinaryExpr b, Node left, Node right)
    {
        if (left.Shape.IsScalar)
        {
            return Build(b.OpSpan).Div(right, left);
        }
        return _graph.Make(new Solve(), b.OpSpan, left, right);
    }

    // x^p is the elementwise power for a scalar x; for a square matrix and a whole p >= 0 it is
    // the repeated product.
    private Node BindMatrixPower(BinaryExpr b, Node left, Node right)
    {
        Builder build = Build(b.OpSpan);
        if (!right.Shape.IsScalar)
        {
            throw Errors.ExponentNotScalar(right.Shape, _source, b.OpSpan);
        }
        if (left.Shape.IsScalar)
        {
            return build.Pow(left, right);
        }
        if (left.Shape.Rows != left.Shape.Cols)
        {
            throw Errors.PowerNotSquare(left.Shape, _source, b.OpSpan);
        }
        double? p = Constant.ValueOf(right);
        if (p is not { } power || power < 0 || power != Math.Floor(power) || power > 64)
        {
            throw Errors.NotSupported("'^' of a matrix to a power other than 0, 1, 2, ... 64",
                "'.^' for elementwise powers", _source, b.OpSpan);
        }
        Node result = build.Eye(left.Shape.Rows);
        for (int i = 0; i < (int)power; i++)
        {
            result = i == 0 ? left : build.MatMul(result, left);
        }
        return result;
    }
}

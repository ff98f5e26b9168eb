using System.Globalization;
using AutoGrad.Diagnostics;

namespace AutoGrad.Syntax;

/// <summary>
/// A recursive-descent parser with MATLAB's precedence, loosest first: comparisons;
/// <c>+ -</c>; <c>* / .* ./ \</c>; prefix <c>- +</c>; <c>^ .^</c> and postfix <c>' .'</c>. So
/// <c>-x^2</c> is <c>-(x^2)</c>, <c>2^-1</c> is 0.5, and operators of one level group to the
/// left. Nesting and chains past <see cref="MaxNesting"/> and <see cref="MaxHeight"/> are an
/// error, never a stack overflow.
/// </summary>
internal sealed class Parser
{
    /// <summary>The most parentheses and calls one inside another.</summary>
    public const int MaxNesting = 256;

    /// <summary>The tallest expression tree accepted (a chain of 2000 operators).</summary>
    public const int MaxHeight = 2000;

    private static readonly string[] ComparisonOps = ["==", "~=", "!=", "<", "<=", ">", ">="];
    private static readonly string[] AdditiveOps = ["+", "-"];
    private static readonly string[] MultiplicativeOps = ["*", "/", ".*", "./", "\\", ".\\"];

    private readonly SourceText _source;
    private readonly List<Token> _tokens;
    private readonly Dictionary<Expr, int> _heights = new(ReferenceEqualityComparer.Instance);
    private int _pos;
    private int _nesting;

    private Parser(SourceText source)
    {
        _source = source;
        _tokens = Lexer.Tokenize(source);
    }

    /// <summary>Parses a whole objective text.</summary>
    public static ProgramSyntax Parse(SourceText source) => new Parser(source).ParseProgram();

    private Token Current => _tokens[_pos];

    private Token Next => _tokens[Math.Min(_pos + 1, _tokens.Count - 1)];

    private ProgramSyntax ParseProgram()
    {
        var statements = new List<Statement>();
        while (true)
        {
            while (Current.Kind == TokenKind.Newline || Current.Is(";") || Current.Is(","))
            {
                _pos++;
            }
            if (Current.Kind == TokenKind.End)
            {
                break;
            }
            statements.Add(ParseStatement());
            bool ended = Current.Kind is TokenKind.Newline or TokenKind.End
                || Current.Is(";") || Current.Is(",");
            if (!ended)
            {
                throw Errors.Unexpected(
                    Current, "an operator or the end of the statement", _source);
            }
        }
        return new ProgramSyntax(statements, _source);
    }

    private Statement ParseStatement()
    {
        Token first = Current;
        if (first.Kind == TokenKind.Identifier && Next.Is(":"))
        {
            return ParseDeclaration(first);
        }
        if (first.Kind == TokenKind.Identifier && Next.Is("="))
        {
            _pos += 2;
            Expr value = ParseExpression();
            return new Assignment(first.Text, value, first.Span, first.Span.Cover(value.Span));
        }
        Expr expr = ParseExpression();
        return new ExpressionStatement(expr, expr.Span);
    }

    // name: rows x cols, where "8x5" lexes as 8 and x5, so the separator may lead a name.
    private Declaration ParseDeclaration(Token name)
    {
        _pos += 2;
        List<Expr> rows = ParseDimension();
        Token sep = Current;
        if (sep.Kind != TokenKind.Identifier || sep.Text[0] != 'x')
        {
            throw Errors.Unexpected(
                sep, "'x' between the rows and the columns, as in A: 8 x 5", _source);
        }
        _pos++;
        List<Expr> cols;
        if (sep.Text.Length > 1)
        {
            cols = [SplitAfterSeparator(sep)];
            cols.AddRange(ParseMoreFactors());
        }
        else
        {
            cols = ParseDimension();
        }
        var span = name.Span.Cover(cols[^1].Span);
        return new Declaration(name.Text, rows, cols, name.Span, span);
    }

    private static Expr SplitAfterSeparator(Token sep)
    {
        string rest = sep.Text[1..];
        var span = new SourceSpan(sep.Span.Start + 1, rest.Length);
        return rest.All(char.IsAsciiDigit)
            ? new NumberExpr(double.Parse(rest, CultureInfo.InvariantCulture), span)
            : new NameExpr(rest, span);
    }

    private List<Expr> ParseDimension()
    {
        List<Expr> factors = [ParseDimensionFactor()];
        factors.AddRange(ParseMoreFactors());
        return factors;
    }

    private IEnumerable<Expr> ParseMoreFactors()
    {
        var factors = new List<Expr>();
        while (Current.Is("*"))
        {
            _pos++;
            factors.Add(ParseDimensionFactor());
        }
        return factors;
    }

    private Expr ParseDimensionFactor()
    {
        Token t = Current;
        _pos++;
        return t.Kind switch
        {
            TokenKind.Number => new NumberExpr(t.Value, t.Span),
            TokenKind.Identifier => new NameExpr(t.Text, t.Span),
            _ => throw Errors.Unexpected(t, "a size: a whole number or a name such as n", _source),
        };
    }

    private Expr ParseExpression() => ParseBinary(0);

    // Level 0: comparisons, 1: additive, 2: multiplicative, then prefix operators.
    private Expr ParseBinary(int level)
    {
        if (level == 3)
        {
            return ParsePrefix();
        }
        string[] ops = level switch { 0 => ComparisonOps, 1 => AdditiveOps, _ => MultiplicativeOps };
        Expr left = ParseBinary(level + 1);
        while (Current.Kind == TokenKind.Operator && ops.Contains(Current.Text))
        {
            Token op = Current;
            _pos++;
            Expr right = ParseBinary(level + 1);
            left = Made(new BinaryExpr(op.Text, left, right, op.Span, left.Span.Cover(right.Span)),
                left, right);
        }
        return left;
    }

    private Expr ParsePrefix() => ParseSigned(() =>
    {
        if (Current.Is("~") || Current.Is("!"))
        {
            throw Errors.NotSupported(
                "logical not ('~')", "a comparison such as x == 0", _source, Current.Span);
        }
        return ParsePower();
    });

    private Expr ParsePower()
    {
        Expr left = ParsePostfix(ParsePrimary());
        while (Current.Is("^") || Current.Is(".^"))
        {
            Token op = Current;
            _pos++;
            Expr right = ParsePowerOperand();
            left = Made(new BinaryExpr(op.Text, left, right, op.Span, left.Span.Cover(right.Span)),
                left, right);
        }
        return left;
    }

    // The exponent may carry its own signs: 2^-1.
    private Expr ParsePowerOperand() => ParseSigned(() => ParsePostfix(ParsePrimary()));

    // A run of prefix signs folds into at most one negation, so "- - - x" cannot nest deeply.
    private Expr ParseSigned(Func<Expr> parseOperand)
    {
        Token first = Current;
        bool negate = false, any = false;
        while (Current.Is("-") || Current.Is("+"))
        {
            negate ^= Current.Is("-");
            any = true;
            _pos++;
        }
        Expr operand = parseOperand();
        if (!any)
        {
            return operand;
        }
        string op = negate ? "-" : "+";
        return Made(new UnaryExpr(op, operand, first.Span, first.Span.Cover(operand.Span)), operand);
    }

    private Expr ParsePostfix(Expr operand)
    {
        while (Current.Is("'") || Current.Is(".'"))
        {
            Token op = Current;
            _pos++;
            operand = Made(new TransposeExpr(operand, op.Span, operand.Span.Cover(op.Span)), operand);
        }
        return operand;
    }

    private Expr ParsePrimary()
    {
        Token t = Current;
        switch (t.Kind)
        {
            case TokenKind.Number:
                _pos++;
                return Made(new NumberExpr(t.Value, t.Span));
            case TokenKind.String:
                _pos++;
                return Made(new StringExpr(t.Text, t.Span));
            case TokenKind.Identifier:
                _pos++;
                return Current.Is("(") ? ParseCall(t) : Made(new NameExpr(t.Text, t.Span));
        }
        if (t.Is("("))
        {
            return ParseParenthesized();
        }
        if (t.Is("[") && Next.Is("]"))
        {
            _pos += 2;
            return Made(new EmptyExpr(t.Span.Cover(_tokens[_pos - 1].Span)));
        }
        if (t.Is("["))
        {
            throw Errors.NotSupported("a matrix literal ('[...]')",
                "ones(r,c), zeros(r,c) or data bound to a name", _source, t.Span);
        }
        throw Errors.Unexpected(t, "a number, a name or '('", _source);
    }

    private Expr ParseParenthesized()
    {
        Token open = Current;
        Enter(open);
        _pos++;
        Expr inner = ParseExpression();
        Expect(")", open);
        _nesting--;
        return inner;
    }

    private CallExpr ParseCall(Token name)
    {
        Token open = Current;
        Enter(open);
        _pos++;
        var args = new List<Expr>();
        if (!Current.Is(")"))
        {
            do
            {
                if (args.Count > 0)
                {
                    _pos++;
                }
                bool lone = Current.Is(":") && (Next.Is(",") || Next.Is(")"));
                args.Add(lone ? Made(new ColonExpr(Current.Span)) : ParseExpression());
                if (lone)
                {
                    _pos++;
                }
            }
            while (Current.Is(","));
        }
        Token close = Current;
        Expect(")", open);
        _nesting--;
        var call = new CallExpr(name.Text, args, name.Span, name.Span.Cover(close.Span));
        return (CallExpr)Made(call, [.. args]);
    }

    private void Expect(string op, Token open)
    {
        if (!Current.Is(op))
        {
            throw Errors.Unclosed(open, Current, _source);
        }
        _pos++;
    }

    private void Enter(Token open)
    {
        if (++_nesting > MaxNesting)
        {
            throw Errors.TooDeep("parentheses and calls nest", MaxNesting, _source, open.Span);
        }
    }

    private Expr Made(Expr expr, params Expr[] children)
    {
        int height = 1;
        foreach (Expr child in children)
        {
            height = Math.Max(height, _heights[child] + 1);
        }
        if (height > MaxHeight)
        {
            throw Errors.TooDeep("operators chain", MaxHeight, _source, expr.Span);
        }
        _heights[expr] = height;
        return expr;
    }
}

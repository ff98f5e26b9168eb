using AutoGrad.Diagnostics;

namespace AutoGrad.Syntax;

// The syntax tree: what the parser produces and the binder consumes. Every node keeps the
// span of its text; operators also keep the span of the operator itself, where errors point.

/// <summary>An expression of the language.</summary>
internal abstract record Expr(SourceSpan Span);

/// <summary>A numeric literal.</summary>
internal sealed record NumberExpr(double Value, SourceSpan Span) : Expr(Span);

/// <summary>A name: a variable, an intermediate, a named scalar or size, or a constant.</summary>
internal sealed record NameExpr(string Name, SourceSpan Span) : Expr(Span);

/// <summary>A quoted string, such as <c>'fro'</c>.</summary>
internal sealed record StringExpr(string Value, SourceSpan Span) : Expr(Span);

/// <summary>The lone colon of <c>X(:)</c>.</summary>
internal sealed record ColonExpr(SourceSpan Span) : Expr(Span);

/// <summary>The empty matrix <c>[]</c>, which holds a place in <c>max(X,[],dim)</c>.</summary>
internal sealed record EmptyExpr(SourceSpan Span) : Expr(Span);

/// <summary>A prefix operator: <c>-x</c>, <c>+x</c>.</summary>
internal sealed record UnaryExpr(string Op, Expr Operand, SourceSpan OpSpan, SourceSpan Span)
    : Expr(Span);

/// <summary>A postfix transpose: <c>x'</c>, <c>x.'</c>.</summary>
internal sealed record TransposeExpr(Expr Operand, SourceSpan OpSpan, SourceSpan Span)
    : Expr(Span);

/// <summary>A binary operator.</summary>
internal sealed record BinaryExpr(string Op, Expr Left, Expr Right, SourceSpan OpSpan, SourceSpan Span)
    : Expr(Span);

/// <summary>A call <c>f(a, b)</c>, or an index <c>X(:)</c>.</summary>
internal sealed record CallExpr(
    string Name, IReadOnlyList<Expr> Args, SourceSpan NameSpan, SourceSpan Span) : Expr(Span);

/// <summary>A statement of an objective's text.</summary>
internal abstract record Statement(SourceSpan Span);

/// <summary><c>name = expr;</c></summary>
internal sealed record Assignment(string Name, Expr Value, SourceSpan NameSpan, SourceSpan Span)
    : Statement(Span);

/// <summary><c>name: rows x cols</c>, each side a product of numbers and named sizes.</summary>
internal sealed record Declaration(
    string Name, IReadOnlyList<Expr> Rows, IReadOnlyList<Expr> Cols, SourceSpan NameSpan, SourceSpan Span)
    : Statement(Span);

/// <summary>A bare expression: the objective, when it is last.</summary>
internal sealed record ExpressionStatement(Expr Value, SourceSpan Span) : Statement(Span);

/// <summary>A whole objective text: its statements and its source.</summary>
internal sealed record ProgramSyntax(IReadOnlyList<Statement> Statements, SourceText Source);

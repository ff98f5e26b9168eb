using AutoGrad.Diagnostics;
using NUnit.Framework;

namespace AutoGrad.Tests.Syntax;

/// <summary>
/// Shape errors and unsupported forms, found while the text is bound: each message names the
/// shapes involved and points its caret at the operator or call, on whatever line it is.
/// Shapes: A 3x4, B 4x2, S 3x3, u 3x1, r 1x4.
/// </summary>
[TestFixture]
public sealed class ShapeErrorTests
{
    private static readonly (string Name, string Text, string Message)[] s_messages =
    [
        ("ElementwiseMismatch_OnSecondLine", "s = sum(u);\nt = A + B;\ns + sum(t(:))",
            "shapes do not match in '+': left is 3x4, right is 4x2; "
            + "each dimension must be equal, or 1 on one side\n"
            + "  at line 2, column 7:\n"
            + "  t = A + B;\n"
            + "        ^"),
        ("InnerDimensionMismatch", "sum(sum(A * A))",
            "inner dimensions differ in '*': left is 3x4, right is 3x4 "
            + "(4 columns against 3 rows); use '.*' for the elementwise product\n"
            + "  at line 1, column 11:\n"
            + "  sum(sum(A * A))\n"
            + "            ^"),
        ("OuterExpansion", "sum(sum(u + r))",
            "'+' would expand both a 3x1 and a 1x4 operand; "
            + "expand one explicitly with repmat(...) or ones(...) if an outer expansion is meant\n"
            + "  at line 1, column 11:\n"
            + "  sum(sum(u + r))\n"
            + "            ^"),
        ("TraceOfNonSquare", "trace(A)",
            "trace needs a square matrix, got 3x4\n"
            + "  at line 1, column 1:\n"
            + "  trace(A)\n"
            + "  ^^^^^"),
        ("PowerOfNonSquare", "sum(sum(A^2))",
            "'^' of a matrix needs a square matrix, got 3x4; use '.^' for elementwise powers\n"
            + "  at line 1, column 10:\n"
            + "  sum(sum(A^2))\n"
            + "           ^"),
        ("MatrixDivisor", "sum(sum(A / A))",
            "the divisor of '/' needs a square matrix, got 3x4\n"
            + "  at line 1, column 11:\n"
            + "  sum(sum(A / A))\n"
            + "            ^"),
        ("UnknownKindOfNorm", "norm(A, 3)",
            "this kind of norm is not supported yet; use norm(X), norm(X,1), norm(X,2), "
            + "norm(X,Inf), norm(X,'fro') or norm(X,'nuc')\n"
            + "  at line 1, column 9:\n"
            + "  norm(A, 3)\n"
            + "          ^"),
        ("BadSizeInDeclaration", "C: 0 x 3; sum(C(:))",
            "a size must be a whole number from 1 to 1073741824, not 0\n"
            + "  at line 1, column 4:\n"
            + "  C: 0 x 3; sum(C(:))\n"
            + "     ^"),
        ("DeclarationConflictsWithBoundShape", "A: 4 x 4; sum(A(:))",
            "'A' is declared 4x4, but the data or shape given for it is 3x4\n"
            + "  at line 1, column 1:\n"
            + "  A: 4 x 4; sum(A(:))\n"
            + "  ^"),
    ];

    // The rest: text, kind, line and column of the error.
    private static readonly (string Text, ErrorKind Kind, int Line, int Column)[] s_places =
    [
        ("sum(sum(A - B'))", ErrorKind.Shape, 1, 11),
        ("sum(sum(A .* S))", ErrorKind.Shape, 1, 11),
        ("sum(sum(A ./ B))", ErrorKind.Shape, 1, 11),
        ("sum(sum(A.^B))", ErrorKind.Shape, 1, 10),
        ("sum(sum(max(A, S)))", ErrorKind.Shape, 1, 9),
        ("sum(sum(A > S))", ErrorKind.Shape, 1, 11),
        ("s = sum(u);\n\nt = A * S;\ns", ErrorKind.Shape, 3, 7),
        ("sum(sum(A * B * A))", ErrorKind.Shape, 1, 15),
        ("u' * B", ErrorKind.Shape, 1, 4),
        ("sum(sum(u .* r))", ErrorKind.Shape, 1, 11),
        ("sum(sum(r' - u'))", ErrorKind.Shape, 1, 12),
        ("trace(B)", ErrorKind.Shape, 1, 1),
        ("trace(u)", ErrorKind.Shape, 1, 1),
        ("sum(sum(B^2))", ErrorKind.Shape, 1, 10),
        ("sum(sum(S^u))", ErrorKind.Shape, 1, 10),
        ("sum(sum(S^2.5))", ErrorKind.NotSupported, 1, 10),
        ("sum(sum(S^-1))", ErrorKind.NotSupported, 1, 10),
        ("sum(sum(u / r))", ErrorKind.Shape, 1, 11),
        ("sum(sum(A \\ S))", ErrorKind.Shape, 1, 11),
        ("sum(sum(B / S))", ErrorKind.Shape, 1, 11),
        ("norm(A, 'max')", ErrorKind.NotSupported, 1, 9),
        ("norm(u, 3)", ErrorKind.NotSupported, 1, 9),
        ("sum(sum(reshape(A, 5, 2)))", ErrorKind.Shape, 1, 9),
        ("sum(sum(eye(2, 3)))", ErrorKind.NotSupported, 1, 9),
        ("C: 2.5 x 3; sum(C(:))", ErrorKind.Shape, 1, 4),
        ("C: 3 x 2000000000; sum(C(:))", ErrorKind.Shape, 1, 8),
        ("C: 3x0; sum(C(:))", ErrorKind.Shape, 1, 6),
        ("sum(sum(ones(0, 2)))", ErrorKind.Shape, 1, 14),
        ("sum(sum(zeros(2, 1.5)))", ErrorKind.Shape, 1, 18),
        ("A: 3 x 5; sum(A(:))", ErrorKind.Binding, 1, 1),
        ("s = sum(u);\nu: 4 x 1;\ns", ErrorKind.Binding, 2, 1),
    ];

    private static IEnumerable<TestCaseData> Messages() =>
        s_messages.Select(m => new TestCaseData(m.Text, m.Message).SetArgDisplayNames(m.Name));

    private static IEnumerable<TestCaseData> Places() =>
        s_places.Select(p => new TestCaseData(p.Text, p.Kind, p.Line, p.Column)
            .SetArgDisplayNames(p.Text.Replace("\n", "\\n")));

    [TestCaseSource(nameof(Messages))]
    public void Parse_BadShapes_ReportsMessageWithPlaceAndCaret(string text, string message)
    {
        var e = Texts.ParseError(text);

        Assert.That(e.Message, Is.EqualTo(message));
    }

    [TestCaseSource(nameof(Places))]
    public void Parse_BadShapes_ReportsKindLineAndColumn(
        string text, ErrorKind kind, int line, int column)
    {
        var e = Texts.ParseError(text);

        Assert.That((e.Kind, e.Line, e.Column), Is.EqualTo((kind, line, column)), e.Message);
    }

    [Test]
    public void Declaration_SymbolicOverBoundShape_IsAccepted()
    {
        Objective f = Objective.Parse("A: n x k; sum(A(:))", Texts.Options());

        Assert.That(f.Variables["A"].ToString(), Is.EqualTo("n x k"));
    }

    [Test]
    public void Declaration_EqualToBoundShape_IsAccepted()
    {
        Objective f = Objective.Parse("A: 3 x 4; sum(A(:))", Texts.Options());

        Assert.That(f.Variables["A"].ToString(), Is.EqualTo("3x4"));
    }
}

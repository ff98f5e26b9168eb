using AutoGrad.Diagnostics;
using NUnit.Framework;

namespace AutoGrad.Tests.Syntax;

/// <summary>
/// Errors of the grammar and of names, under the shapes of <see cref="Texts.Options"/>: one
/// message of each kind asserted word for word (summary, place, source line and caret), the
/// rest by kind, line and column.
/// </summary>
[TestFixture]
public sealed class SyntaxErrorTests
{
    private const string Functions = "abs, cos, det, diag, exp, expm1, eye, inv, kron, log, "
        + "log10, log1p, log2, logdet, logsoftmax, logsumexp, max, mean, min, norm, numel, ones, "
        + "polar, polar1, power, prod, relu, repelem, repmat, reshape, sigmoid, sign, sin, size, "
        + "softmax, softplus, sqrt, sum, tanh, trace, transpose, zeros";

    private static readonly (string Name, string Text, string Message)[] s_messages =
    [
        ("UnexpectedCharacter", "sum(u) $ 2",
            "unexpected character '$' (U+0024)\n"
            + "  at line 1, column 8:\n"
            + "  sum(u) $ 2\n"
            + "         ^"),
        ("UnexpectedCharacterOutsideBasicPlane", "sum(u) + \U0001F600",
            "unexpected character '\U0001F600' (U+1F600)\n"
            + "  at line 1, column 10:\n"
            + "  sum(u) + \U0001F600\n"
            + "           ^^"),
        ("CaretAfterTab", "\tsum(u) $",
            "unexpected character '$' (U+0024)\n"
            + "  at line 1, column 9:\n"
            + "  \tsum(u) $\n"
            + "  \t       ^"),
        ("EndOfCrLfLine", "sum(u) +\r\nsum(r)",
            "expected a number, a name or '(', found the end of the line\n"
            + "  at line 1, column 9:\n"
            + "  sum(u) +\n"
            + "          ^"),
        ("UnexpectedToken", "sum(u) + * 2",
            "expected a number, a name or '(', found '*'\n"
            + "  at line 1, column 10:\n"
            + "  sum(u) + * 2\n"
            + "           ^"),
        ("UnexpectedTokenAfterExpression", "sum(u) sum(r)",
            "expected an operator or the end of the statement, found the name 'sum'\n"
            + "  at line 1, column 8:\n"
            + "  sum(u) sum(r)\n"
            + "         ^^^"),
        ("UnclosedParenthesis", "(sum(u) + 2",
            "'(' is not closed: expected ')', found the end of the text\n"
            + "  at line 1, column 1:\n"
            + "  (sum(u) + 2\n"
            + "  ^"),
        ("UnterminatedString", "norm(A, 'fro)",
            "the string is not closed before the end of the line\n"
            + "  at line 1, column 9:\n"
            + "  norm(A, 'fro)\n"
            + "          ^"),
        ("ExpressionNotLast", "sum(u); sum(r)",
            "only the last statement may be a bare expression; name this one with 'name = ...;'\n"
            + "  at line 1, column 1:\n"
            + "  sum(u); sum(r)\n"
            + "  ^^^^^^"),
        ("ObjectiveNotScalar", "A .* 2",
            "the objective must be 1x1, but it is 3x4\n"
            + "  at line 1, column 1:\n"
            + "  A .* 2\n"
            + "  ^^^^^^"),
        ("UnknownName", "sum(u) + y",
            "unknown name 'y': declare it (e.g. y: n x k), bind data to it, "
            + "or bind it as a scalar\n"
            + "  at line 1, column 10:\n"
            + "  sum(u) + y\n"
            + "           ^"),
        ("UnknownFunction", "foo(u)",
            $"unknown function 'foo'; the functions are {Functions}\n"
            + "  at line 1, column 1:\n"
            + "  foo(u)\n"
            + "  ^^^"),
        ("FunctionWithoutArguments", "sum + 1",
            "'sum' is a function: call it with arguments, as in sum(x)\n"
            + "  at line 1, column 1:\n"
            + "  sum + 1\n"
            + "  ^^^"),
        ("WrongArgumentCount", "trace(S, S)",
            "trace takes 1 argument, but 2 were given\n"
            + "  at line 1, column 1:\n"
            + "  trace(S, S)\n"
            + "  ^^^^^^^^^^^"),
        ("StringAsValue", "sum(u) + 'fro'",
            "the string 'fro' is not a value; strings only name options, as in norm(X,'fro')\n"
            + "  at line 1, column 10:\n"
            + "  sum(u) + 'fro'\n"
            + "           ^^^^^"),
    ];

    // The rest: text, kind, line and column of the error.
    private static readonly (string Text, ErrorKind Kind, int Line, int Column)[] s_places =
    [
        ("sum(u) @", ErrorKind.Syntax, 1, 8),
        ("sum(u)\n  + sum(r) ? 1", ErrorKind.Syntax, 2, 12),
        ("sum(u) +", ErrorKind.Syntax, 1, 9),
        ("sum(u) +\nsum(r)", ErrorKind.Syntax, 1, 9),
        ("(sum(u) + 2 sum(r))", ErrorKind.Syntax, 1, 13),
        ("sum((u)", ErrorKind.Syntax, 1, 4),
        ("sum(u))", ErrorKind.Syntax, 1, 7),
        ("s = sum(u);\nt = norm(A, \"fro);\ns", ErrorKind.Syntax, 2, 13),
        ("s = ;\ns", ErrorKind.Syntax, 1, 5),
        ("= sum(u)", ErrorKind.Syntax, 1, 1),
        ("C: 3 x 4", ErrorKind.Syntax, 1, 1),
        ("C: 3 y 4; sum(C(:))", ErrorKind.Syntax, 1, 6),
        ("C: -3 x 4; sum(C(:))", ErrorKind.Syntax, 1, 4),
        ("sum(u)\nsum(r)\nsum(A(:))", ErrorKind.Syntax, 1, 1),
        ("s = sum(u);\nt = A;\nt", ErrorKind.Shape, 3, 1),
        ("s = A", ErrorKind.Shape, 1, 5),
        ("sum(u) + q + 1", ErrorKind.UnknownName, 1, 10),
        ("s = sum(u);\n  exp + s", ErrorKind.UnknownName, 2, 3),
        ("s = sum(u);\n  s + bar(u, 2)", ErrorKind.UnknownName, 2, 7),
        ("sum()", ErrorKind.Argument, 1, 1),
        ("exp()", ErrorKind.Argument, 1, 1),
        ("reshape(A)", ErrorKind.Argument, 1, 1),
        ("sum(sum(A), 1, 2)", ErrorKind.Argument, 1, 1),
        ("sum(u, 3)", ErrorKind.Argument, 1, 8),
        ("sum(u, 'any')", ErrorKind.Argument, 1, 8),
        ("size(A, 3)", ErrorKind.Argument, 1, 9),
        ("sum(u(:), :)", ErrorKind.Argument, 1, 11),
        ("[1 2]", ErrorKind.NotSupported, 1, 1),
        ("~sum(u)", ErrorKind.NotSupported, 1, 1),
        ("sum(A(1))", ErrorKind.NotSupported, 1, 5),
        ("max(u, [])", ErrorKind.NotSupported, 1, 8),
        ("max(A, u, 1)", ErrorKind.Argument, 1, 8),
        ("sum(min(A, [], 3))", ErrorKind.Argument, 1, 16),
    ];

    private static string Repeat(string part, int count) =>
        string.Concat(Enumerable.Repeat(part, count));

    private static IEnumerable<TestCaseData> Messages() =>
        s_messages.Select(m => new TestCaseData(m.Text, m.Message).SetArgDisplayNames(m.Name));

    private static IEnumerable<TestCaseData> Places() =>
        s_places.Select(p => new TestCaseData(p.Text, p.Kind, p.Line, p.Column)
            .SetArgDisplayNames(p.Text.Replace("\n", "\\n")));

    [TestCaseSource(nameof(Messages))]
    public void Parse_BadText_ReportsMessageWithPlaceAndCaret(string text, string message)
    {
        var e = Texts.ParseError(text);

        Assert.That(e.Message, Is.EqualTo(message));
        Assert.That(e.Summary, Is.EqualTo(message[..message.IndexOf('\n')]));
    }

    [TestCaseSource(nameof(Places))]
    public void Parse_BadText_ReportsKindLineAndColumn(
        string text, ErrorKind kind, int line, int column)
    {
        var e = Texts.ParseError(text);

        Assert.That((e.Kind, e.Line, e.Column), Is.EqualTo((kind, line, column)), e.Message);
    }

    [TestCase("", TestName = "Parse_EmptyText_SaysSo")]
    [TestCase("  \n\t\n", TestName = "Parse_BlankText_SaysItIsEmpty")]
    [TestCase("% only a comment\n;;", TestName = "Parse_OnlyCommentsAndSeparators_SaysItIsEmpty")]
    public void Parse_NoStatements_IsEmptyObjectiveError(string text)
    {
        var e = Texts.ParseError(text);

        const string Message = "the objective text is empty: write an expression such as sum(x.^2)";
        Assert.That(e.Message, Is.EqualTo(Message));
        Assert.That((e.Kind, e.Line, e.Column), Is.EqualTo((ErrorKind.Syntax, 0, 0)));
    }

    [Test]
    public void Parse_OnlyADeclaration_AsksForTheObjective()
    {
        var e = Texts.ParseError("C: 3 x 4");

        Assert.That(e.Message, Is.EqualTo(
            "the text ends with a declaration; end it with the objective, an expression\n"
            + "  at line 1, column 1:\n"
            + "  C: 3 x 4\n"
            + "  ^^^^^^^^"));
    }

    [Test]
    public void Parse_ErrorOnLaterLine_QuotesThatLineOnly()
    {
        var e = Texts.ParseError("% header\r\ns = sum(u);\r\ns + zap(u)\r\n");

        Assert.That(e.Message, Is.EqualTo(
            "unknown function 'zap'; the functions are " + Functions + "\n"
            + "  at line 3, column 5:\n"
            + "  s + zap(u)\n"
            + "      ^^^"));
    }

    [Test]
    public void Parse_ErrorOnLongLine_QuotesAHundredCharactersAroundIt()
    {
        string text = Repeat("sum(u) + ", 40) + "$ + " + Repeat("sum(r) + ", 40) + "1";

        var e = Texts.ParseError(text);

        Assert.That(e.Message, Is.EqualTo(
            "unexpected character '$' (U+0024)\n"
            + "  at line 1, column 361:\n"
            + "  ...u) + " + Repeat("sum(u) + ", 5) + "$ + " + Repeat("sum(r) + ", 5) + "s...\n"
            + "  " + new string(' ', 53) + "^"));
    }

    [Test]
    public void Parse_ErrorAtEndOfLongLine_QuotesItsEnd()
    {
        string text = Repeat("sum(u) + ", 40);

        var e = Texts.ParseError(text);

        Assert.That(e.Message, Is.EqualTo(
            "expected a number, a name or '(', found the end of the text\n"
            + "  at line 1, column 361:\n"
            + "  ... " + Repeat("sum(u) + ", 11) + "\n"
            + "  " + new string(' ', 103) + "^"));
    }

    [Test]
    public void Parse_NullText_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => Objective.Parse(null!));
    }
}

using AutoGrad.Diagnostics;
using AutoGrad.Syntax;
using NUnit.Framework;

namespace AutoGrad.Tests.Syntax;

/// <summary>
/// Hostile texts: deep nesting and long operator chains end in a <see cref="ErrorKind.Limit"/>
/// error that names the limit, never in a stack overflow; a run of signs folds and is no
/// deeper than one. Texts within the limits bind and print on a small stack.
/// </summary>
[TestFixture]
public sealed class LimitTests
{
    // The default stack of a secondary thread on Linux, and a quarter of it.
    private const int DefaultStack = 1536 * 1024, SmallStack = 384 * 1024;

    private const string TooLong = "the formula would be longer than 1000000 characters, too long "
        + "to parse back; compile the objective instead of printing its gradient";

    private static string Repeat(string part, int count) =>
        string.Concat(Enumerable.Repeat(part, count));

    [Test]
    public void Parse_TenThousandNestedParentheses_IsLimitError()
    {
        string text = new string('(', 10_000) + "x" + new string(')', 10_000);

        var e = Texts.ParseError(text, Texts.Scalars());

        Assert.That((e.Kind, e.Line, e.Column), Is.EqualTo((ErrorKind.Limit, 1, 257)));
        Assert.That(e.Summary, Is.EqualTo(
            "parentheses and calls nest deeper than 256 levels; name parts with 'x = ...;'"));
    }

    [Test]
    public void Parse_TenThousandNestedCalls_IsLimitError()
    {
        string text = Repeat("exp(", 10_000) + "x" + new string(')', 10_000);

        var e = Texts.ParseError(text, Texts.Scalars());

        Assert.That((e.Kind, e.Line, e.Column), Is.EqualTo((ErrorKind.Limit, 1, 4 * 256 + 4)));
    }

    [Test]
    public void Parse_DeepParenthesesOnLaterLine_PointsThere()
    {
        string text = "s = 1;\n" + new string('(', 300) + "x" + new string(')', 300);

        var e = Texts.ParseError(text, Texts.Scalars());

        Assert.That((e.Kind, e.Line, e.Column), Is.EqualTo((ErrorKind.Limit, 2, 257)));
    }

    [TestCase("-x", 100_000, "x", TestName = "Parse_HundredThousandMinusSigns_FoldToIdentity")]
    [TestCase("-x", 99_999, "-x", TestName = "Parse_OddRunOfMinusSigns_FoldsToOneNegation")]
    [TestCase("- ", 100_000, "x", TestName = "Parse_SpacedMinusSigns_Fold")]
    [TestCase("+-", 50_001, "-x", TestName = "Parse_MixedSigns_Fold")]
    public void Parse_RunOfSigns_FoldsWithoutDepth(string sign, int count, string printed)
    {
        string signs = sign == "-x" ? new string('-', count) : Repeat(sign, count);

        Objective f = Objective.Parse(signs + "x", Texts.Scalars());

        Assert.That(Printer.Print(f.Node), Is.EqualTo(printed));
    }

    [TestCase("-x", TestName = "Parse_HundredThousandSubtractions_IsLimitError")]
    [TestCase("*x", TestName = "Parse_HundredThousandProducts_IsLimitError")]
    [TestCase("^x", TestName = "Parse_HundredThousandPowers_IsLimitError")]
    [TestCase("^-x", TestName = "Parse_HundredThousandSignedPowers_IsLimitError")]
    [TestCase("'", TestName = "Parse_HundredThousandTransposes_IsLimitError")]
    [TestCase(" < x", TestName = "Parse_HundredThousandComparisons_IsLimitError")]
    public void Parse_LongOperatorChain_IsLimitError(string link)
    {
        string text = "x" + Repeat(link, 100_000);

        var e = Texts.ParseError(text, Texts.Scalars());

        Assert.That(e.Kind, Is.EqualTo(ErrorKind.Limit));
        Assert.That(e.Summary, Is.EqualTo(
            "operators chain deeper than 2000 levels; name parts with 'x = ...;'"));
    }

    [Test]
    public void Parse_TextOverOneMillionCharacters_IsLimitError()
    {
        string text = "x" + Repeat(" ", 1_000_000);

        var e = Texts.ParseError(text, Texts.Scalars());

        Assert.That(e.Message, Is.EqualTo(
            "the objective text has 1000001 characters; at most 1000000 are accepted"));
        Assert.That((e.Kind, e.Line, e.Column), Is.EqualTo((ErrorKind.Limit, 0, 0)));
    }

    [Test]
    public void Parse_ChainJustUnderTheLimit_IsAccepted()
    {
        string text = "x" + Repeat(" - y", 1_990);

        Objective f = Objective.Parse(text, Texts.Scalars());

        Assert.That(f.Differentiate("y").Formula("y"), Is.EqualTo("-1990"));
    }

    [Test]
    public void Parse_TallestChainOnDefaultThreadStack_Binds()
    {
        string text = "x" + Repeat("^x^y", 999);

        Objective? f = OnThread(DefaultStack, () => Objective.Parse(text, Texts.Scalars()));

        Assert.That(f!.Variables.Keys.Order(), Is.EqualTo(new[] { "x", "y" }));
    }

    [Test]
    public void Print_DeepGraphOnSmallStack_DoesNotRecurse()
    {
        Objective f = Objective.Parse("x" + Repeat("'*y", 999), Texts.Scalars());

        string? printed = OnThread(SmallStack, () => Printer.Print(f.Node));

        Assert.That(printed, Is.EqualTo("x" + Repeat("*y", 999)));
    }

    [Test]
    public void Print_SharedSubexpressionsPastTheTextLimit_IsLimitError()
    {
        // Each a(i) reads a(i-1) twice, so its text doubles with every line.
        string text = "a0 = x;\n" + string.Concat(Enumerable.Range(1, 30)
            .Select(i => $"a{i} = exp(a{i - 1}) + a{i - 1};\n")) + "a30";
        Objective f = Objective.Parse(text, Texts.Scalars());

        var e = Assert.Throws<AutoGradException>(() => Printer.Print(f.Node));

        Assert.That(e!.Message, Is.EqualTo(TooLong));
        Assert.That((e.Kind, e.Line, e.Column), Is.EqualTo((ErrorKind.Limit, 0, 0)));
    }

    // Runs body on a thread with the given stack and hands back its result or its exception.
    private static T? OnThread<T>(int stackBytes, Func<T> body)
    {
        T? result = default;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = body();
            }
            catch (Exception e)
            {
                error = e;
            }
        }, stackBytes);
        thread.Start();
        thread.Join();
        return error is null ? result : throw error;
    }
}

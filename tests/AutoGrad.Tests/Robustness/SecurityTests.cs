using AutoGrad.Diagnostics;
using AutoGrad.Syntax;
using NUnit.Framework;

namespace AutoGrad.Tests.Robustness;

/// <summary>
/// What docs/security.md promises: names in a text reach nothing but the fixed table of
/// functions, so a .NET member, a type or a path is an unknown name or a syntax error; and each
/// documented bound on the cost of compiling holds, with the value the docs give.
/// </summary>
[TestFixture]
public sealed class SecurityTests
{
    private static ObjectiveOptions Scalars() => new() { UndeclaredAreScalars = true };

    private static AutoGradException ParseError(string text) =>
        Assert.Throws<AutoGradException>(() => Objective.Parse(text, Scalars()))!;

    [TestCase("GetType(x)")]
    [TestCase("ToString(x)")]
    [TestCase("Equals(x, x)")]
    [TestCase("GetHashCode(x)")]
    [TestCase("Invoke(x)")]
    [TestCase("Exit(1)")]
    [TestCase("Kernel(x)")]
    [TestCase("Apply(x)")]
    [TestCase("Sqrt(x)")]
    [TestCase("SUM(x)")]
    [TestCase("Math(x)")]
    [TestCase("load(x)")]
    [TestCase("fopen(x)")]
    [TestCase("eval(x)")]
    [TestCase("system(x)")]
    public void NameOfAMethod_IsAnUnknownFunction(string text)
    {
        var e = ParseError(text);

        string name = text[..text.IndexOf('(')];
        Assert.That(e.Kind, Is.EqualTo(ErrorKind.UnknownName));
        Assert.That(e.Summary, Does.StartWith($"unknown function '{name}'; the functions are "));
    }

    [TestCase("System.Environment.Exit(1)")]
    [TestCase("System.IO.File.ReadAllText(x)")]
    [TestCase("x.GetType()")]
    [TestCase("typeof(x).Assembly")]
    [TestCase("@\"/etc/passwd\"")]
    [TestCase("~/secrets")]
    [TestCase("file:///etc/passwd")]
    [TestCase("http://example.org")]
    [TestCase("$(rm -rf /)")]
    [TestCase("`id`")]
    public void DottedOrPathLikeText_IsASyntaxError(string text)
    {
        Assert.That(ParseError(text).Kind, Is.AnyOf(ErrorKind.Syntax, ErrorKind.NotSupported));
    }

    [Test]
    public void FunctionTable_IsFixedAndListedInTheMessage()
    {
        var e = ParseError("GetType(x)");

        string list = e.Summary[(e.Summary.IndexOf("are ", StringComparison.Ordinal) + 4)..];
        string[] names = list.Split(", ");
        Assert.That(names.Where(n => !n.All(c => char.IsAsciiLetterLower(c)
            || char.IsAsciiDigit(c))), Is.Empty);
        Assert.That(names, Does.Contain("sum").And.Not.Contain("gettype"));
    }

    [Test]
    public void Limits_HaveTheDocumentedValues()
    {
        Assert.That((Limits.MaxSourceLength, Limits.MaxNodes, Limits.MaxDimension,
                Limits.MaxEntries),
            Is.EqualTo((1_000_000, 200_000, 1L << 30, 1L << 30)));
        Assert.That((Parser.MaxNesting, Parser.MaxHeight, Graph.Graph.MaxDepth),
            Is.EqualTo((256, 2000, 20_000)));
    }

    [Test]
    public void NestingPastTheLimit_IsALimitError()
    {
        string text = new string('(', Parser.MaxNesting + 1) + "x"
            + new string(')', Parser.MaxNesting + 1);

        Assert.That(ParseError(text).Kind, Is.EqualTo(ErrorKind.Limit));
    }

    [Test]
    public void NestingAtTheLimit_IsAccepted()
    {
        string text = new string('(', Parser.MaxNesting) + "x"
            + new string(')', Parser.MaxNesting);

        Assert.DoesNotThrow(() => Objective.Parse(text, Scalars()));
    }

    [Test]
    public void TextPastTheLimit_IsALimitError()
    {
        string text = "x" + new string(' ', Limits.MaxSourceLength);

        Assert.That(ParseError(text).Kind, Is.EqualTo(ErrorKind.Limit));
    }

    [Test]
    public void ManyNodes_PastTheLimit_IsALimitError()
    {
        // 110 statements of 1000 terms x*n: about 220,000 nodes in under 900,000 characters,
        // with no chain longer than 1000.
        string text = string.Concat(Enumerable.Range(0, 110).Select(k => $"a{k} = "
            + string.Join("+", Enumerable.Range(1000 * k, 1000).Select(n => $"x*{n}")) + ";"))
            + "x";

        var e = ParseError(text);

        Assert.That(text, Has.Length.LessThan(Limits.MaxSourceLength));
        Assert.That(e.Kind, Is.EqualTo(ErrorKind.Limit));
        Assert.That(e.Summary, Is.EqualTo(
            "the objective needs more than 200000 graph nodes; split it or simplify it"));
    }

    [Test]
    public void ChainPastTheGraphDepth_IsALimitError()
    {
        string text = "a = x; " + string.Concat(Enumerable.Repeat("a = tanh(a); ",
            Graph.Graph.MaxDepth + 1)) + "a";

        Assert.That(ParseError(text).Kind, Is.EqualTo(ErrorKind.Limit));
    }

    [TestCase("A: 1073741825 x 1; sum(A(:))", TestName = "DimensionPastTheLimit_IsRejected")]
    [TestCase("sum(ones(1, 1073741825))", TestName = "FillPastTheLimit_IsRejected")]
    public void DimensionPastTheLimit_IsRejected(string text)
    {
        Assert.That(ParseError(text).Kind, Is.AnyOf(ErrorKind.Shape, ErrorKind.Limit));
    }

    [TestCase("A: 32768 x 32769; sum(A(:))", TestName = "DeclaredEntriesPastTheLimit_AreRejected")]
    [TestCase("sum(sum(ones(32768, 32769)))", TestName = "FilledEntriesPastTheLimit_AreRejected")]
    public void EntriesPastTheLimit_AreRejected(string text)
    {
        // 32768 * 32769 = 2^30 + 32768 entries: each size fits, their product does not.
        Assert.That(ParseError(text).Kind, Is.EqualTo(ErrorKind.Limit));
    }

    [Test]
    public void MatrixPowerPastSixtyFour_IsRejected()
    {
        var e = Assert.Throws<AutoGradException>(
            () => Objective.Parse("S: 2 x 2; sum(sum(S^65))"));

        Assert.That(e!.Kind, Is.EqualTo(ErrorKind.NotSupported));
    }
}

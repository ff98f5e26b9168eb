using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Robustness;

/// <summary>
/// The table of bad inputs the issue asks for: each row is a text that a person or a program
/// might send, from empty text to deep nesting, with what must come back. Most are an
/// <see cref="AutoGradException"/> of a given kind (with its summary where no other test asserts
/// it word for word); a few look wrong but are valid, and the row says which value they have.
/// Every row runs parse, differentiate, compile and evaluate, must end within a bound (a hang
/// fails the row) and may throw nothing but <see cref="AutoGradException"/>.
/// </summary>
[TestFixture]
public sealed class BadInputTests
{
    // Generous: no row takes more than a few seconds; this only turns a hang into a failure.
    private static readonly TimeSpan s_completion = TimeSpan.FromSeconds(60);

    private const long MaxBoundEntries = 1_000_000;

    private const string Size = "a size must be a whole number from 1 to 1073741824, not ";

    private const string NotAValue =
        "the string 'abc' is not a value; strings only name options, as in norm(X,'fro')";

    private static readonly BadInput[] s_rows =
    [
        // Nothing to parse.
        Error("Empty", "", ErrorKind.Syntax),
        Error("WhitespaceOnly", "   \t  ", ErrorKind.Syntax),
        Error("LineBreaksOnly", "\n\r\n\n", ErrorKind.Syntax),
        Error("SemicolonOnly", ";", ErrorKind.Syntax,
            "the objective text is empty: write an expression such as sum(x.^2)"),
        Error("ContinuationOnly", "...", ErrorKind.Syntax),

        // Lone operators and broken grammar.
        Error("LonePlus", "+", ErrorKind.Syntax,
            "expected a number, a name or '(', found the end of the text"),
        Error("LoneStar", "*", ErrorKind.Syntax, "expected a number, a name or '(', found '*'"),
        Error("LoneEquals", "=", ErrorKind.Syntax, "expected a number, a name or '(', found '='"),
        Error("LoneQuote", "'", ErrorKind.Syntax,
            "the string is not closed before the end of the line"),
        Error("LoneDotCaret", ".^", ErrorKind.Syntax),
        Error("TwoOperators", "x +* y", ErrorKind.Syntax,
            "expected a number, a name or '(', found '*'"),
        Error("PascalAssignment", "x := 1", ErrorKind.Syntax),
        Error("CStyleAnd", "x & y", ErrorKind.Syntax, "unexpected character '&' (U+0026)"),
        Error("CStyleNot", "x !", ErrorKind.Syntax, "unexpected character '!' (U+0021)"),
        Error("CallOfCall", "eye(3)(1)", ErrorKind.Syntax,
            "expected an operator or the end of the statement, found '('"),

        // Parentheses.
        Error("LoneOpen", "(", ErrorKind.Syntax),
        Error("LoneClose", ")", ErrorKind.Syntax, "expected a number, a name or '(', found ')'"),
        Error("EmptyParentheses", "()", ErrorKind.Syntax),
        Error("UnclosedInner", "((x)", ErrorKind.Syntax,
            "'(' is not closed: expected ')', found the end of the text"),
        Error("ExtraClose", "(x))", ErrorKind.Syntax,
            "expected an operator or the end of the statement, found ')'"),
        Error("TenThousandNestedParentheses",
            () => new string('(', 10_000) + "x" + new string(')', 10_000), ErrorKind.Limit),
        Error("TenThousandUnclosedParentheses", () => new string('(', 10_000) + "x",
            ErrorKind.Limit),
        Error("ThreeHundredNestedSums", () => Repeat("sum(", 300) + "x" + new string(')', 300),
            ErrorKind.Limit),

        // Runs of signs and long chains.
        Valid("HundredThousandMinusSigns", () => new string('-', 100_000) + "x", 0.5),
        Valid("HundredThousandAndOneMinusSigns", () => new string('-', 100_001) + "x", -0.5),
        Error("HundredThousandTransposes", () => "x" + new string('\'', 100_000),
            ErrorKind.Limit),
        Error("FiveThousandTermSum", () => "x" + Repeat(" + x", 5_000), ErrorKind.Limit,
            "operators chain deeper than 2000 levels; name parts with 'x = ...;'"),
        Error("TextOverOneMillionCharacters", () => "x" + new string(' ', 1_000_000),
            ErrorKind.Limit),

        // Numbers.
        Valid("HugeLiteralIsInfinity", "1e999", double.PositiveInfinity),
        Valid("HugeNegativeLiteralIsMinusInfinity", "-1e999", double.NegativeInfinity),
        Valid("TinyLiteralIsZero", "1e-999", 0),
        Valid("OverflowInArithmetic", "x*1e308*10", double.PositiveInfinity),
        Valid("ThirtyDigitLiteral", "99999999999999999999999999999", 1e29),
        Error("HexLiteral", "0x10", ErrorKind.Syntax,
            "expected an operator or the end of the statement, found the name 'x10'"),
        Error("ExponentWithoutDigits", "1e", ErrorKind.Syntax),
        Error("TwoDecimalPoints", "1..2", ErrorKind.Syntax,
            "expected an operator or the end of the statement, found the number .2"),
        Error("DigitSeparator", "1_000", ErrorKind.Syntax),

        // NaN and Inf.
        Valid("NaNLiteral", "x + NaN", double.NaN),
        Valid("LowerCaseNaN", "nan * x", double.NaN),
        Valid("InfMinusInf", "Inf - Inf", double.NaN),
        Valid("ZeroOverZero", "0/0", double.NaN),
        Valid("LogOfNegative", "log(-1)", double.NaN),
        Valid("PowerToHugeNegative", "x^-1e999", double.PositiveInfinity),

        // Characters outside the language.
        Error("Accent", "x + \u00e9", ErrorKind.Syntax, "unexpected character '\u00e9' (U+00E9)"),
        Error("AccentedName", "\u00e9t\u00e9 = x; \u00e9t\u00e9", ErrorKind.Syntax),
        Error("NoBreakSpace", "x\u00a0+ 1", ErrorKind.Syntax,
            "unexpected character '\u00a0' (U+00A0)"),
        Error("ZeroWidthSpace", "x + \u200b", ErrorKind.Syntax),
        Error("ByteOrderMark", "\ufeffx", ErrorKind.Syntax),
        Error("FullWidthX", "\uff58", ErrorKind.Syntax, "unexpected character '\uff58' (U+FF58)"),
        Error("UnicodeMinus", "x \u2212 1", ErrorKind.Syntax),
        Error("LoneHighSurrogate", "x + \ud83d", ErrorKind.Syntax),
        Error("LoneLowSurrogate", "x + \ude00 + 1", ErrorKind.Syntax),
        Error("LineSeparator", "x\u2028", ErrorKind.Syntax),

        // Control characters.
        Error("NulCharacter", "x\0", ErrorKind.Syntax, "unexpected character '\0' (U+0000)"),
        Error("Bell", "x + \u0007", ErrorKind.Syntax),
        Error("TerminalEscape", "x\u001b[2J", ErrorKind.Syntax,
            "unexpected character '\u001b' (U+001B)"),
        Error("VerticalTab", "x\u000b", ErrorKind.Syntax),
        Error("NextLine", "x\u0085", ErrorKind.Syntax),
        Valid("CarriageReturnAlone", "x\r", 0.5),

        // Sizes.
        Error("ElevenDigitSizes", "A: 99999999999 x 99999999999; sum(A(:))", ErrorKind.Shape,
            Size + "99999999999"),
        Error("SizeBeyondLong", "A: 9223372036854775808 x 1; sum(A(:))", ErrorKind.Shape,
            Size + "9.223372036854776E+18"),
        Error("FractionalSize", "A: 0.5 x 1; sum(A(:))", ErrorKind.Shape, Size + "0.5"),
        Error("InfiniteFillSize", "sum(zeros(1e999, 1))", ErrorKind.Shape, Size + "Inf"),
        Error("NegativeEyeSize", "eye(-1)", ErrorKind.Syntax,
            "expected a size: a whole number, a name such as n, or a product n*k"),
        Error("ReshapeToFourBillionEntries", "sum(sum(reshape(ones(2,2), 1073741824, 4)))",
            ErrorKind.Shape, "reshape cannot turn 2x2 (4 entries) into 1073741824x4 "
            + "(4294967296 entries)"),
        Error("DeclaredProductOverLimit", "A: 65536 x 65536; sum(A(:))", ErrorKind.Limit),
        Error("DeclaredProductJustOverLimit", "A: 1073741824 x 2; sum(A(:))", ErrorKind.Limit),
        Error("FilledProductOverLimit", "sum(sum(ones(40000, 40000)))", ErrorKind.Limit),
        Error("IdentityOverLimit", "sum(sum(eye(40000)))", ErrorKind.Limit),
        Error("MatrixPowerBeyondSixtyFour", "A: 2 x 2; sum(sum(A^65))", ErrorKind.NotSupported),

        Error("TiledPastTheLimit", "sum(sum(repmat(x, 100000, 100000)))", ErrorKind.Limit),
        Error("KroneckerPastTheLimit", "sum(sum(kron(ones(40000,1), ones(1,40000))))",
            ErrorKind.Limit),
        Error("ZeroTiling", "sum(sum(repmat(x, 0, 1)))", ErrorKind.Shape, Size + "0"),

        // Linear algebra at a singular point (every entry is bound to 0.5).
        Error("InverseOfSingular", "S: 2 x 2; sum(sum(inv(S)))", ErrorKind.Binding,
            "inv needs an invertible matrix, but the 2x2 value of 'S' is singular "
            + "(to working precision) at the bound values"),
        Error("DeterminantGradientAtSingular", "S: 2 x 2; det(S)", ErrorKind.Binding),
        Valid("DeterminantOfZeroConstant", "det(eye(2)*0)", 0),
        Valid("LogDeterminantOfMinusIdentity", "logdet(-eye(2))", 0),
        Error("DiagonalOfNonSquare", "A: 2 x 3; sum(diag(A))", ErrorKind.Shape,
            "diag of a matrix needs a square matrix, got 2x3"),

        // Long assignment chains.
        Error("ChainOfTwentyFiveThousandAssignments", () => Chain(25_000), ErrorKind.Limit,
            "the objective chains more than 20000 operations one after another; "
            + "shorten the chain"),
        Valid("ChainOfTwoThousandAssignments", () => Chain(2_000), TanhChain(2_000)),
        Valid("ThousandDoublings", () => "a = x;" + Repeat(" a = a + a;", 1_000) + " a",
            Math.ScaleB(0.5, 1_000)),

        // Names that look like .NET members or file paths.
        Error("DottedTypeName", "System.IO.File", ErrorKind.Syntax,
            "unexpected character '.' (U+002E)"),
        Error("ExitCall", "System.Environment.Exit(1)", ErrorKind.Syntax),
        Error("MemberCall", "x.GetType()", ErrorKind.Syntax),
        Error("RelativePath", "../etc/passwd", ErrorKind.Syntax),
        Error("AbsolutePath", "/etc/passwd", ErrorKind.Syntax,
            "expected a number, a name or '(', found '/'"),
        Error("WindowsPath", "C:\\Windows\\System32", ErrorKind.Syntax),
        Error("GetTypeCall", "GetType(x)", ErrorKind.UnknownName,
            "unknown function 'GetType'; the functions are "),
        Error("EvalCall", "eval('x')", ErrorKind.UnknownName,
            "unknown function 'eval'; the functions are "),
        Error("SystemCall", "system('rm -rf /')", ErrorKind.UnknownName),
        Valid("UnderscoreName", "__proto__ * 2", 1),

        // Strings where values are expected, and arguments of the wrong kind.
        Error("StringObjective", "'abc'", ErrorKind.Syntax, NotAValue),
        Error("DoubleQuotedString", "\"abc\"", ErrorKind.Syntax, NotAValue),
        Error("StringArgument", "exp('x')", ErrorKind.Syntax),
        Error("StringAsSize", "sum(ones('a', 2))", ErrorKind.Syntax),
        Error("WrongOptionForSum", "sum(x, 'fro')", ErrorKind.Argument,
            "sum expects 1, 2 or 'all' here"),
        Error("ZeroDimensionForSum", "sum(x, 0)", ErrorKind.Argument),
        Error("InfiniteDimensionForSize", "size(x, 1e999)", ErrorKind.Argument,
            "size expects 1 or 2 here"),
        Error("UnknownNormKind", "norm(x, 'abc')", ErrorKind.NotSupported),
        Error("TooManyNormArguments", "norm(x, 'fro', 1)", ErrorKind.Argument,
            "norm takes 1 or 2 arguments, but 3 were given"),
        Error("NoArgumentsForOnes", "ones()", ErrorKind.Argument),
        Error("VariableAsSize", "reshape(x, x, 1)", ErrorKind.Shape),
        Error("IndexingAScalarVariable", "x(:, 1)", ErrorKind.UnknownName),
        Error("ReductionAlongThirdDimension", "max(x, [], 3)", ErrorKind.Argument,
            "max expects 1, 2 or 'all' here"),
        Error("EmptyMatrixAlone", "max(x, [])", ErrorKind.NotSupported),
        Error("NumberWhereEmptyMatrixBelongs", "max(x, 1, 2)", ErrorKind.Argument,
            "max expects [] (as in max(X,[],dim)) here"),
        Error("RedeclaredShape", "x: 1 x 1; x: 2 x 2; x", ErrorKind.Binding,
            "'x' is declared 2x2, but the data or shape given for it is 1x1"),

        // Valid forms that once crashed the compiler (found by the property tests and AFL++).
        Valid("TraceOfScalar", "trace(x)", 0.5),
        Valid("IdentityOfOneTimesScalar", "eye(1) * x", 0.5),
    ];

    private static IEnumerable<TestCaseData> Rows() =>
        s_rows.Select(r => new TestCaseData(r).SetArgDisplayNames(r.Name));

    [Test]
    public void Table_HasAtLeastFiftyRows()
    {
        Assert.That(s_rows, Has.Length.GreaterThanOrEqualTo(50));
        Assert.That(s_rows.Select(r => r.Name), Is.Unique);
    }

    [TestCaseSource(nameof(Rows))]
    public void BadInput_GivesItsErrorOrValue_AndNothingElse(BadInput row)
    {
        string text = row.Text();
        Task<double> run = Task.Run(() => Run(text));

        bool finished = run.ContinueWith(_ => { }, TaskScheduler.Default).Wait(s_completion);

        Assert.That(finished, Is.True, $"{row.Name} did not finish");
        if (row.Kind is ErrorKind kind)
        {
            var e = Assert.Throws<AutoGradException>(() => _ = run.GetAwaiter().GetResult());
            Assert.That(e!.Kind, Is.EqualTo(kind), e.Message);
            AssertSummary(e, row.Summary);
            return;
        }
        double value = run.GetAwaiter().GetResult();
        Assert.That(value, double.IsFinite(row.Value)
            ? Is.EqualTo(row.Value).Within(1e-12 * Math.Abs(row.Value))
            : Is.EqualTo(row.Value));
    }

    // Free names are 1x1 variables bound to 0.5, named sizes are 2; every variable is
    // differentiated. Data too large to allocate here is not bound: the value is then NaN.
    private static double Run(string text)
    {
        Objective f = Objective.Parse(text, new ObjectiveOptions { UndeclaredAreScalars = true });
        string[] names = [.. f.Variables.Keys];
        _ = f.Differentiate(names);
        CompiledObjective compiled = f.Compile(names);
        if (f.Variables.Values.Any(s => RowCount(s) * ColCount(s) > MaxBoundEntries))
        {
            return double.NaN;
        }

        var values = f.Variables.ToDictionary(v => v.Key,
            v => Matrix<double>.Build.Dense((int)RowCount(v.Value), (int)ColCount(v.Value), 0.5));
        return compiled.EvaluateWithGradients(values).Value;
    }

    private static long RowCount(Shape shape) => shape.Rows.Evaluate(_ => 2);

    private static long ColCount(Shape shape) => shape.Cols.Evaluate(_ => 2);

    // A summary ending in a space is a prefix: the rest lists what may change (the functions).
    private static void AssertSummary(AutoGradException e, string? summary)
    {
        if (summary is null)
        {
            return;
        }
        if (summary.EndsWith(' '))
        {
            Assert.That(e.Summary, Does.StartWith(summary));
            return;
        }
        Assert.That(e.Summary, Is.EqualTo(summary));
    }

    private static string Repeat(string part, int count) =>
        string.Concat(Enumerable.Repeat(part, count));

    // a1 = tanh(x); a2 = tanh(a1); ...; aN
    private static string Chain(int length) => string.Concat(Enumerable.Range(1, length)
        .Select(i => $"a{i} = tanh({(i == 1 ? "x" : $"a{i - 1}")});")) + $"a{length}";

    private static double TanhChain(int length)
    {
        double a = 0.5;
        for (int i = 0; i < length; i++)
        {
            a = Math.Tanh(a);
        }
        return a;
    }

    private static BadInput Error(string name, string text, ErrorKind kind,
        string? summary = null) => new(name, () => text, kind, summary, 0);

    private static BadInput Error(string name, Func<string> text, ErrorKind kind,
        string? summary = null) => new(name, text, kind, summary, 0);

    private static BadInput Valid(string name, string text, double value) =>
        new(name, () => text, null, null, value);

    private static BadInput Valid(string name, Func<string> text, double value) =>
        new(name, text, null, null, value);

    /// <summary>One row: the text (built on demand), and either the error or the value.</summary>
    public sealed record BadInput(
        string Name, Func<string> Text, ErrorKind? Kind, string? Summary, double Value);
}

using AutoGrad.Graph;
using AutoGrad.Syntax;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Syntax;

/// <summary>
/// The grammar as MATLAB reads it: precedence and grouping, numbers and operators that share
/// a dot, comments, continuations, statements and declarations. Values come from the reference
/// interpreter with x = 3 and y = 2, so a wrong grouping shows as a wrong number.
/// </summary>
[TestFixture]
public sealed class ParserTests
{
    private const double X = 3, Y = 2;

    [TestCase("-x^2", -9, TestName = "Negation_BindsLooserThanPower")]
    [TestCase("-2^2", -4, TestName = "NegativeLiteral_IsNegatedAfterPower")]
    [TestCase("2^-1", 0.5, TestName = "Power_TakesSignedExponent")]
    [TestCase("2^-1*4", 2, TestName = "SignedExponent_EndsBeforeProduct")]
    [TestCase("2^-x^2", 1.0 / 64, TestName = "SignedExponent_ThenPowerGroupsLeft")]
    [TestCase("2^3^2", 64, TestName = "Power_GroupsLeft")]
    [TestCase("x - 2 - 3", -2, TestName = "Minus_GroupsLeft")]
    [TestCase("x / 2 / 3", 0.5, TestName = "Divide_GroupsLeft")]
    [TestCase("x - y + 1", 2, TestName = "PlusAndMinus_GroupLeft")]
    [TestCase("x / y * 4", 6, TestName = "DivideAndTimes_GroupLeft")]
    [TestCase("-x + y", -1, TestName = "Negation_BindsTighterThanPlus")]
    [TestCase("x*-y", -6, TestName = "Negation_AfterTimes")]
    [TestCase("x - -y", 5, TestName = "Negation_AfterMinus")]
    [TestCase("- - x", 3, TestName = "DoubleNegation_Cancels")]
    [TestCase("+x", 3, TestName = "UnaryPlus_IsIdentity")]
    [TestCase("x + y * 4", 11, TestName = "Times_BindsTighterThanPlus")]
    [TestCase("(x + y) * 4", 20, TestName = "Parentheses_Group")]
    [TestCase("x + 1 > y * 2", 0, TestName = "Comparison_BindsLoosest")]
    [TestCase("x > y == 1", 1, TestName = "Comparisons_GroupLeft")]
    [TestCase("x ~= y", 1, TestName = "NotEqual_IsTilde")]
    [TestCase("x' * y", 6, TestName = "Transpose_OfScalar_IsItself")]
    [TestCase("x'^2", 9, TestName = "Transpose_BeforePower")]
    [TestCase("x.'", 3, TestName = "DotTranspose_IsOperator")]
    public void Precedence_FollowsMatlab(string text, double expected)
    {
        double value = Texts.ScalarValue(text, ("x", X), ("y", Y));

        Assert.That(value, Is.EqualTo(expected).Within(1e-15));
    }

    [TestCase("2.^x", 8, TestName = "Number_BeforeDotCaret_IsElementwisePower")]
    [TestCase("2.*x", 6, TestName = "Number_BeforeDotStar_IsElementwiseProduct")]
    [TestCase("6./x", 2, TestName = "Number_BeforeDotSlash_IsElementwiseDivision")]
    [TestCase("2.5.*x", 7.5, TestName = "Decimal_BeforeDotStar_KeepsItsFraction")]
    [TestCase("2. * x", 6, TestName = "Number_WithTrailingDot_IsWhole")]
    [TestCase(".5*x", 1.5, TestName = "Number_WithLeadingDot_IsFraction")]
    [TestCase("1e-3*x", 0.003, TestName = "Exponent_WithMinus")]
    [TestCase("1E+2*x", 300, TestName = "Exponent_UpperCaseWithPlus")]
    [TestCase("1.5e2", 150, TestName = "Exponent_AfterFraction")]
    [TestCase("2e0^x", 8, TestName = "Exponent_ThenPower")]
    public void Number_LexesAsMatlabDoes(string text, double expected)
    {
        double value = Texts.ScalarValue(text, ("x", X));

        Assert.That(value, Is.EqualTo(expected).Within(1e-15));
    }

    [TestCase("x % a comment", 3, TestName = "Comment_RunsToEndOfLine")]
    [TestCase("% leading comment\nx + 1", 4, TestName = "Comment_OnItsOwnLine")]
    [TestCase("x + ...\n  2", 5, TestName = "Continuation_JoinsLines")]
    [TestCase("x + ... anything here\n  2", 5, TestName = "Continuation_IgnoresRestOfLine")]
    [TestCase("(x +\n y)", 5, TestName = "LineBreak_InsideParentheses_IsIgnored")]
    [TestCase("e = x*2; e + 1", 7, TestName = "Semicolon_SeparatesStatements")]
    [TestCase("e = x*2\ne + 1", 7, TestName = "LineBreak_SeparatesStatements")]
    [TestCase("e = x*2, e + 1", 7, TestName = "Comma_SeparatesStatements")]
    [TestCase("e = x*2;\r\n\r\n  e + 1;\n", 7,
        TestName = "BlankLinesAndTrailingSemicolon_AreIgnored")]
    [TestCase("a = x + 1; b = a*a; b - 1", 15, TestName = "Assignment_ReadsEarlierOnes")]
    [TestCase("a = x; a = a*2; a + 1", 7, TestName = "Reassignment_ReadsPreviousValue")]
    [TestCase("a = x*y", 6, TestName = "FinalAssignment_IsTheObjective")]
    public void Statements_SeparateAndComment(string text, double expected)
    {
        double value = Texts.ScalarValue(text, ("x", X), ("y", Y));

        Assert.That(value, Is.EqualTo(expected).Within(1e-15));
    }

    [TestCase("2.^x", "2^x")]
    [TestCase("2.*x", "2*x")]
    [TestCase("-x^2", "-x^2")]
    [TestCase("(-x)^2", "(-x)^2")]
    [TestCase("x - (y - 1)", "x - (y - 1)")]
    [TestCase("x/(y*2)", "x/(2*y)")]
    [TestCase("1e-3*x", "0.001*x")]
    [TestCase("x''", "x")]
    public void Parse_PrintsWithMatlabGrouping(string text, string printed)
    {
        Objective f = Objective.Parse(text, Texts.Scalars());

        Assert.That(Printer.Print(f.Node), Is.EqualTo(printed));
    }

    [Test]
    public void Transpose_BindsTighterThanProduct()
    {
        Objective f = Objective.Parse("a: 2 x 3; b: 2 x 3; sum(sum(a*b'))");
        var values = Texts.ValuesFor(f);

        double value = f.Interpret(values);

        Matrix<double> product = values["a"] * values["b"].Transpose();
        Assert.That(f.Variables["a"], Is.EqualTo(Shape.Of(2, 3)));
        Assert.That(value, Is.EqualTo(product.Enumerate().Sum()).Within(1e-12));
    }

    [Test]
    public void Quote_AfterValueIsTranspose_AfterCommaIsString()
    {
        Objective f = Objective.Parse("norm(A','fro') + sum(A'','all')", Texts.Options());
        var values = Texts.ValuesFor(f);

        double value = f.Interpret(values);

        Matrix<double> a = values["A"];
        Assert.That(value, Is.EqualTo(a.FrobeniusNorm() + a.Enumerate().Sum()).Within(1e-12));
    }

    [Test]
    public void Quote_InsideString_IsDoubled()
    {
        var e = Texts.ParseError("x + 'it''s'", Texts.Scalars());

        Assert.That(e.Summary, Is.EqualTo(
            "the string 'it's' is not a value; strings only name options, as in norm(X,'fro')"));
        Assert.That((e.Line, e.Column), Is.EqualTo((1, 5)));
    }

    [TestCase("A: n x k; sum(A(:))", "n x k")]
    [TestCase("A: 8 x 5; sum(A(:))", "8x5")]
    [TestCase("A: 8x5; sum(A(:))", "8x5")]
    [TestCase("A: 8x k; sum(A(:))", "8 x k")]
    [TestCase("A: n*k x 3; sum(A(:))", "k*n x 3")]
    [TestCase("A: 2 x 3\nsum(A(:))", "2x3")]
    public void Declaration_GivesTheShape(string text, string shape)
    {
        Objective f = Objective.Parse(text);

        Assert.That(f.Variables["A"].ToString(), Is.EqualTo(shape));
    }

    [Test]
    public void Declaration_SymbolicSizes_ResolveFromData()
    {
        Objective f = Objective.Parse("A: n x k; u: k x 1; sum(A*u) + n");
        var random = new Random(3);
        var values = new Dictionary<string, Matrix<double>>
        {
            ["A"] = Texts.Random(random, 4, 2),
            ["u"] = Texts.Random(random, 2, 1),
        };

        double value = f.Interpret(values);

        double expected = (values["A"] * values["u"]).Enumerate().Sum() + 4;
        Assert.That(f.Dimensions, Is.EqualTo(new[] { "n", "k" }));
        Assert.That(value, Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void ColonIndex_StacksColumnsInColumnMajorOrder()
    {
        Objective f = Objective.Parse("A: 2 x 3; v = A(:); v'*v + size(v,1)*1000 + size(v,2)");
        var values = Texts.ValuesFor(f);

        double value = f.Interpret(values);

        double squares = values["A"].Enumerate().Sum(a => a * a);
        Assert.That(value, Is.EqualTo(squares + 6001).Within(1e-9));
    }

    [Test]
    public void ColonIndex_KeepsColumnMajorOrder()
    {
        Objective f = Objective.Parse("A: 2 x 2; v = A(:); w: 4 x 1; w'*v");
        var values = new Dictionary<string, Matrix<double>>
        {
            ["A"] = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 3 }, { 2, 4 } }),
            ["w"] = Matrix<double>.Build.DenseOfColumnMajor(4, 1, [1, 10, 100, 1000]),
        };

        Assert.That(f.Interpret(values), Is.EqualTo(4321));
    }

    [TestCase("pi", Math.PI, TestName = "Builtin_Pi")]
    [TestCase("eps", 2.220446049250313E-16, TestName = "Builtin_Eps_IsMachineEpsilon")]
    [TestCase("Inf", double.PositiveInfinity, TestName = "Builtin_Inf")]
    [TestCase("-Inf", double.NegativeInfinity, TestName = "Builtin_NegativeInf")]
    [TestCase("NaN", double.NaN, TestName = "Builtin_NaN")]
    public void BuiltinConstant_HasItsValue(string text, double expected)
    {
        Assert.That(Texts.ScalarValue(text), Is.EqualTo(expected));
    }

    [Test]
    public void BuiltinConstant_IsShadowedByBoundConstant()
    {
        var options = new ObjectiveOptions();
        options.Constants["eps"] = 0.01;

        Objective f = Objective.Parse("eps * 2", options);

        Assert.That(f.Variables, Is.Empty);
        Assert.That(f.Interpret(new Dictionary<string, Matrix<double>>()), Is.EqualTo(0.02));
    }

    [Test]
    public void BuiltinConstant_IsShadowedByDeclaration()
    {
        Objective f = Objective.Parse("eps: 1 x 1; eps * 2");

        double value = f.Interpret(new Dictionary<string, Matrix<double>>
        {
            ["eps"] = Texts.Scalar(0.25),
        });

        Assert.That(f.Variables.Keys, Is.EqualTo(new[] { "eps" }));
        Assert.That(value, Is.EqualTo(0.5));
    }

    [Test]
    public void BuiltinConstant_IsShadowedByBoundShape()
    {
        var options = new ObjectiveOptions();
        options.Shapes["pi"] = Shape.Of(2, 1);

        Objective f = Objective.Parse("sum(pi)", options);

        Assert.That(f.Variables["pi"], Is.EqualTo(Shape.Of(2, 1)));
    }

    [Test]
    public void BuiltinConstant_IsShadowedByAssignment()
    {
        Assert.That(Texts.ScalarValue("pi = 3; pi * 2"), Is.EqualTo(6));
    }

    [Test]
    public void BuiltinConstant_ShadowedInSharedCase_UsesTheBoundValue()
    {
        var options = new ObjectiveOptions();
        options.Shapes["V"] = Shape.Of(2, 2);
        options.Shapes["s"] = Shape.Of(2, 1);
        options.Constants["eps"] = 0.01;
        Objective f = Objective.Parse("sum(sum(sqrt(V*(s.^2) + eps)))", options);
        var values = Texts.ValuesFor(f);

        double value = f.Interpret(values);

        var inner = values["V"] * values["s"].PointwisePower(2);
        double expected = inner.Enumerate().Sum(v => Math.Sqrt(v + 0.01));
        Assert.That(value, Is.EqualTo(expected).Within(1e-12));
    }

    [Test]
    public void UndeclaredAreScalars_MakesFreeNamesScalarVariables()
    {
        Objective f = Objective.Parse("x*y + exp(z)", Texts.Scalars());

        Assert.That(f.Variables.Keys.Order(), Is.EqualTo(new[] { "x", "y", "z" }));
        Assert.That(f.Variables.Values, Is.All.EqualTo(Shape.Scalar));
    }
}

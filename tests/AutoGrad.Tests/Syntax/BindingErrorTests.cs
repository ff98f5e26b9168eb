using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Syntax;

/// <summary>
/// Errors in what the caller gives with the text: names to differentiate that are not
/// variables, and data at call time that is missing, misshapen or miscounted. None has a place
/// in the text, so each message is its summary alone.
/// </summary>
[TestFixture]
public sealed class BindingErrorTests
{
    private const string Text = "sum(A*u)";

    private static Objective Parse()
    {
        var options = new ObjectiveOptions();
        options.Shapes["A"] = Shape.Of(3, 4);
        options.Shapes["u"] = Shape.Of(4, 1);
        return Objective.Parse(Text, options);
    }

    private static Matrix<double> Zeros(int rows, int cols) =>
        Matrix<double>.Build.Dense(rows, cols);

    private static void AssertPlain(AutoGradException? e, string message)
    {
        Assert.That(e, Is.Not.Null);
        Assert.That(e!.Message, Is.EqualTo(message));
        Assert.That((e.Kind, e.Summary, e.Line, e.Column),
            Is.EqualTo((ErrorKind.Binding, message, 0, 0)));
    }

    [Test]
    public void Differentiate_NameNotAVariable_ListsTheVariables()
    {
        var e = Assert.Throws<AutoGradException>(() => Parse().Differentiate("A", "z"));

        AssertPlain(e, "cannot differentiate with respect to 'z': "
            + "it is not a variable of the objective (its variables are A, u)");
    }

    [Test]
    public void Compile_NameNotAVariable_ListsTheVariables()
    {
        var e = Assert.Throws<AutoGradException>(() => Parse().Compile("sum"));

        AssertPlain(e, "cannot differentiate with respect to 'sum': "
            + "it is not a variable of the objective (its variables are A, u)");
    }

    [Test]
    public void Differentiate_NamedSize_IsNotAVariable()
    {
        Objective f = Objective.Parse("A: n x k; sum(A(:))");

        var e = Assert.Throws<AutoGradException>(() => f.Differentiate("n"));

        AssertPlain(e, "cannot differentiate with respect to 'n': "
            + "it is not a variable of the objective (its variables are A)");
    }

    [TestCase(0, 3, "0x3")]
    [TestCase(3, 0, "3x0")]
    [TestCase(2, 2_000_000_000, "2x2000000000")]
    public void Parse_BoundShapeOutOfRange_NamesVariableAndShape(long rows, long cols, string shape)
    {
        var options = new ObjectiveOptions();
        options.Shapes["A"] = Shape.Of(rows, cols);

        var e = Assert.Throws<AutoGradException>(() => Objective.Parse("sum(A(:))", options));

        AssertPlain(e, $"'A' is given the shape {shape}, "
            + "but each size must be a whole number from 1 to 1073741824");
    }

    [Test]
    public void Differentiate_NoVariables_SaysSo()
    {
        var options = new ObjectiveOptions();
        options.Constants["x"] = 2;

        var e = Assert.Throws<AutoGradException>(
            () => Objective.Parse("x^2", options).Differentiate("x"));

        AssertPlain(e, "cannot differentiate with respect to 'x': it is not a variable of the "
            + "objective (it has no variables; a name bound as a constant is not one)");
    }

    [Test]
    public void Differentiate_SameNameTwice_SaysSo()
    {
        var e = Assert.Throws<AutoGradException>(() => Parse().Differentiate("u", "A", "u"));

        AssertPlain(e, "'u' is named twice among the variables to differentiate");
    }

    [Test]
    public void Evaluate_MissingBinding_NamesVariableAndShape()
    {
        CompiledObjective c = Parse().Compile("A");

        var e = Assert.Throws<AutoGradException>(() => c.Evaluate(
            new Dictionary<string, Matrix<double>> { ["A"] = Zeros(3, 4) }));

        AssertPlain(e, "no value is bound to 'u' (4x1)");
    }

    [Test]
    public void EvaluateWithGradients_MissingBinding_NamesVariableAndShape()
    {
        CompiledObjective c = Parse().Compile("A", "u");

        var e = Assert.Throws<AutoGradException>(() => c.EvaluateWithGradients(
            new Dictionary<string, Matrix<double>> { ["A"] = Zeros(3, 4) }));

        AssertPlain(e, "no value is bound to 'u' (4x1)");
    }

    [Test]
    public void Interpret_MissingBinding_NamesVariableAndShape()
    {
        var e = Assert.Throws<AutoGradException>(() => Parse().Interpret(
            new Dictionary<string, Matrix<double>> { ["u"] = Zeros(4, 1) }));

        AssertPlain(e, "no value is bound to 'A' (3x4)");
    }

    [Test]
    public void Evaluate_WrongShapeBound_NamesVariableAndBothShapes()
    {
        CompiledObjective c = Parse().Compile("A");

        var e = Assert.Throws<AutoGradException>(() => c.Evaluate(
            new Dictionary<string, Matrix<double>> { ["A"] = Zeros(4, 3), ["u"] = Zeros(4, 1) }));

        AssertPlain(e, "'A' is 3x4 but the value bound to it is 4x3");
    }

    [Test]
    public void Evaluate_SizeSeenInOtherVariable_SaysWhereItCameFrom()
    {
        CompiledObjective c = Objective.Parse("A: n x k; u: k x 1; sum(A*u)").Compile("A");

        var e = Assert.Throws<AutoGradException>(() => c.Evaluate(
            new Dictionary<string, Matrix<double>> { ["A"] = Zeros(3, 4), ["u"] = Zeros(5, 1) }));

        AssertPlain(e, "'u' is k x 1 but the value bound to it is 5x1 (with k = 4 (from A))");
    }

    [Test]
    public void Evaluate_ValueForUnknownName_ListsTheVariables()
    {
        CompiledObjective c = Parse().Compile();

        var e = Assert.Throws<AutoGradException>(() => c.Evaluate(
            new Dictionary<string, Matrix<double>>
            {
                ["A"] = Zeros(3, 4), ["u"] = Zeros(4, 1), ["z"] = Zeros(1, 1),
            }));

        AssertPlain(e, "'z' is not a variable of the objective (its variables are A, u)");
    }

    [Test]
    public void EvaluateArrays_WrongInputLength_NamesVariableShapeAndCounts()
    {
        CompiledObjective c = Parse().Compile("A");

        var e = Assert.Throws<AutoGradException>(
            () => c.Evaluate([new double[12], new double[3]], null));

        AssertPlain(e, "the input array for 'u' (4x1) has 3 entries, but 4 are needed");
    }

    [Test]
    public void EvaluateArrays_WrongGradientLength_NamesVariableShapeAndCounts()
    {
        CompiledObjective c = Parse().Compile("A", "u");

        var e = Assert.Throws<AutoGradException>(() => c.Evaluate(
            [new double[12], new double[4]], [new double[12], new double[5]]));

        AssertPlain(e, "the gradient array for 'u' (4x1) has 5 entries, but 4 are needed");
    }

    [Test]
    public void EvaluateArrays_TooFewInputs_GivesBothCounts()
    {
        CompiledObjective c = Parse().Compile("A");

        var e = Assert.Throws<AutoGradException>(() => c.Evaluate([new double[12]], null));

        AssertPlain(e, "1 input array was given, but 2 are needed");
    }

    [Test]
    public void EvaluateArrays_TooManyInputs_GivesBothCounts()
    {
        CompiledObjective c = Parse().Compile("A");

        var e = Assert.Throws<AutoGradException>(() => c.Evaluate(
            [new double[12], new double[4], new double[1]], null));

        AssertPlain(e, "3 input arrays were given, but 2 are needed");
    }

    [Test]
    public void EvaluateArrays_WrongGradientCount_GivesBothCounts()
    {
        CompiledObjective c = Parse().Compile("u");

        var e = Assert.Throws<AutoGradException>(() => c.Evaluate(
            [new double[12], new double[4]], [new double[12], new double[4]]));

        AssertPlain(e, "2 gradient arrays were given, but 1 is needed");
    }
}

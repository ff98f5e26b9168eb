using AutoGrad.Diagnostics;
using AutoGrad.Optimization;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Optimization;

/// <summary>Packing named matrices into one flat vector, UFLDL's theta, and back.</summary>
[TestFixture]
public sealed class ParameterLayoutTests
{
    private static readonly ParameterLayout s_ufldl =
        new([("W1", 3, 2), ("W2", 2, 3), ("b1", 3, 1), ("b2", 2, 1)]);

    [Test]
    public void Pack_PlacesEachMatrixColumnMajorInTheStatedOrder()
    {
        var values = new Dictionary<string, Matrix<double>>
        {
            ["b2"] = Column(20, 21),
            ["W1"] = Matrix<double>.Build.DenseOfRowArrays([1, 4], [2, 5], [3, 6]),
            ["b1"] = Column(17, 18, 19),
            ["W2"] = Matrix<double>.Build.DenseOfRowArrays([7, 9, 11], [8, 10, 12]),
        };

        double[] theta = s_ufldl.Pack(values);

        Assert.That(theta, Is.EqualTo(new double[]
        {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 17, 18, 19, 20, 21,
        }));
    }

    [Test]
    public void Unpack_OfPack_GivesBackEveryMatrix()
    {
        var random = new Random(3);
        Dictionary<string, Matrix<double>> values = s_ufldl.Slots.ToDictionary(s => s.Name,
            s => Matrix<double>.Build.Dense(s.Rows, s.Columns, (_, _) => random.NextDouble()));

        IReadOnlyDictionary<string, Matrix<double>> back = s_ufldl.Unpack(s_ufldl.Pack(values));

        Assert.That(back.Keys, Is.EquivalentTo(values.Keys));
        foreach (var (name, matrix) in values)
        {
            Assert.That(back[name], Is.EqualTo(matrix), name);
        }
    }

    [Test]
    public void Slots_FollowOneAnother()
    {
        Assert.That(s_ufldl.Slots.Select(s => (s.Name, s.Offset, s.Length)), Is.EqualTo(new[]
        {
            ("W1", 0, 6), ("W2", 6, 6), ("b1", 12, 3), ("b2", 15, 2),
        }));
        Assert.That(s_ufldl.Length, Is.EqualTo(17));
    }

    [Test]
    public void Of_TakesShapesFromValuesInTheGivenOrder()
    {
        var values = new Dictionary<string, Matrix<double>>
        {
            ["a"] = Matrix<double>.Build.Dense(2, 2),
            ["b"] = Matrix<double>.Build.Dense(1, 3),
        };

        ParameterLayout layout = ParameterLayout.Of(values, "b", "a");

        Assert.That(layout.Names, Is.EqualTo(new[] { "b", "a" }));
        Assert.That(layout["a"], Is.EqualTo(new ParameterSlot("a", 2, 2, 3)));
    }

    [Test]
    public void Pack_ValueOfAnotherShape_IsAnError()
    {
        var values = new Dictionary<string, Matrix<double>>
        {
            ["x"] = Matrix<double>.Build.Dense(2, 3),
        };
        var layout = new ParameterLayout([("x", 3, 2)]);

        var e = Assert.Throws<AutoGradException>(() => layout.Pack(values))!;

        Assert.That(e.Message, Is.EqualTo(
            "the parameter 'x' is 3x2 in the layout, but the value given for it is 2x3"));
    }

    [Test]
    public void Pack_MissingValue_IsAnError()
    {
        var layout = new ParameterLayout([("x", 3, 2)]);

        var none = new Dictionary<string, Matrix<double>>();

        var e = Assert.Throws<AutoGradException>(() => layout.Pack(none))!;

        Assert.That(e.Message, Is.EqualTo("no value is given for the parameter 'x' (3x2)"));
    }

    [Test]
    public void Unpack_VectorOfAnotherLength_IsAnError()
    {
        var e = Assert.Throws<AutoGradException>(() => s_ufldl.Unpack(new double[5]))!;

        Assert.That(e.Message,
            Is.EqualTo("the parameter vector has 5 entries, but the layout needs 17"));
    }

    [Test]
    public void Constructor_RepeatedName_IsAnError()
    {
        var e = Assert.Throws<AutoGradException>(
            () => new ParameterLayout([("x", 1, 1), ("x", 2, 1)]))!;

        Assert.That(e.Message, Is.EqualTo("the parameter 'x' appears twice in the layout"));
    }

    private static Matrix<double> Column(params double[] values) =>
        Matrix<double>.Build.Dense(values.Length, 1, values);
}

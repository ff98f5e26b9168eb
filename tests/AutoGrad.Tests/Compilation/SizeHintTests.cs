using NUnit.Framework;

namespace AutoGrad.Tests.Compilation;

/// <summary>
/// With named sizes, the order of products is chosen for the sizes given as hints: the same
/// text compiles to the cheapest order for small and for UFLDL-sized data.
/// </summary>
[TestFixture]
public sealed class SizeHintTests
{
    private const string Ica = "W: k x n; x: n x m; norm(W'*W*x - x,'fro')^2";

    [TestCase(4, 6, 10, 5, TestName = "SizeHints_SmallIca_KeepsTheFiveProductOrder")]
    [TestCase(121, 64, 2000, 4, TestName = "SizeHints_UfldlIca_UsesTheFourProductOrder")]
    public void SizeHints_ChooseTheProductOrder(int k, int n, int m, int products)
    {
        var hints = new Dictionary<string, long> { ["k"] = k, ["n"] = n, ["m"] = m };

        CompiledObjective compiled = Objective.Parse(Ica).WithSizeHints(hints).Compile("W");

        Assert.That(compiled.MatrixProducts, Is.EqualTo(products));
    }

    [Test]
    public void SizesOf_BoundMatrices_ReadsEachNamedSize()
    {
        Objective f = Objective.Parse(Ica);

        var sizes = f.SizesOf([("W", 121, 64), ("x", 64, 2000)]);

        Assert.That(sizes, Is.EquivalentTo(new Dictionary<string, long>
        {
            ["k"] = 121, ["n"] = 64, ["m"] = 2000,
        }));
    }
}

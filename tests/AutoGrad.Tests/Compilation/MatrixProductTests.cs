using AutoGrad.Tests.Support;
using NUnit.Framework;

namespace AutoGrad.Tests.Compilation;

/// <summary>
/// The GEMM calls one evaluation of value and gradient makes for the seed examples: the
/// forward products are shared with the backward sweep, and chains run in their cheap order.
/// </summary>
[TestFixture]
public sealed class MatrixProductTests
{
    [TestCase("seed-1-sparse-coding-basis", "A", 2)]
    [TestCase("seed-2-topographic-l1", "s", 2)]
    [TestCase("seed-3-ica-tied-weights", "W", 5)]
    public void CompileWithGradient_SeedExample_MakesAtMostTheseProducts(
        string name, string wrt, int most)
    {
        SeedCase seed = SeedCases.Load(name);

        CompiledObjective compiled = Objective.Parse(seed.Objective, seed.Options()).Compile(wrt);

        Assert.That(compiled.MatrixProducts, Is.LessThanOrEqualTo(most),
            $"{seed.Objective} compiled with respect to {wrt}");
    }

    [TestCase("seed-1-sparse-coding-basis", "A", 2)]
    [TestCase("seed-2-topographic-l1", "s", 2)]
    [TestCase("seed-3-ica-tied-weights", "W", 5)]
    public void CompileWithGradient_SeedExample_StillMatchesReference(
        string name, string wrt, int most)
    {
        SeedCase seed = SeedCases.Load(name);

        CompiledObjective compiled = Objective.Parse(seed.Objective, seed.Options()).Compile(wrt);
        var gradient = compiled.EvaluateWithGradients(seed.Inputs).Gradients[wrt];

        MatrixAssert.NearLargestEntry(seed.Expected[wrt], gradient, 1e-10,
            $"{seed.Objective} with {compiled.MatrixProducts} products (at most {most})");
    }

    // The cotangent of a 1x1 product is 1x1: it scales, and costs no GEMM call.
    [TestCase("x: 4 x 1; M: 3 x 4; y: 3 x 1; y'*M*x", 4)]
    [TestCase("X: 3 x 4; w: 12 x 1; w' * X(:)", 1)]
    [TestCase("x: 4 x 1; y: 4 x 1; (x'*y) / (norm(x)*norm(y))", 1)]
    public void CompileWithGradient_ScalarCotangent_ScalesWithoutAProduct(string text, int most)
    {
        Objective objective = Objective.Parse(text);

        CompiledObjective compiled = objective.Compile([.. objective.Variables.Keys]);

        Assert.That(compiled.MatrixProducts, Is.LessThanOrEqualTo(most), text);
    }
}

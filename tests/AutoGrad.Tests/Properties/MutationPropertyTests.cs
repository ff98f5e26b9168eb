using AutoGrad.Diagnostics;
using AutoGrad.Fuzz;
using NUnit.Framework;

namespace AutoGrad.Tests.Properties;

/// <summary>
/// Whatever the text, parsing, differentiating, printing, compiling and evaluating it ends in a
/// value or an <see cref="AutoGradException"/>, never in another exception. The texts are random
/// (<see cref="TextMutations.RandomText"/>) or valid objectives broken by a few mutations
/// (<see cref="TextMutations.Mutated"/>). Each runs through <see cref="FuzzTarget.Run(string)"/>,
/// the fuzzer's own entry point, which lets only AutoGradException pass.
/// </summary>
[TestFixture]
public sealed class MutationPropertyTests
{
    private const int Cases = 400;

    [Test]
    public void RandomText_FailsOnlyWithAutoGradException()
    {
        PropertyRun.Check(TextMutations.RandomText, Cases, FuzzTarget.Run);
    }

    [Test]
    public void MutatedObjective_FailsOnlyWithAutoGradException()
    {
        PropertyRun.Check(TextMutations.Mutated, Cases, FuzzTarget.Run);
    }
}

namespace AutoGrad.Benchmarks.Examples;

/// <summary>The three worked examples of the seed document.</summary>
public enum Seed
{
    /// <summary>Sparse coding, the basis A: <see cref="SparseCodingExample"/>.</summary>
    SparseCoding,

    /// <summary>Smoothed topographic L1 on s: <see cref="TopographicL1Example"/>.</summary>
    TopographicL1,

    /// <summary>ICA with tied weights W: <see cref="IcaExample"/>.</summary>
    Ica,
}

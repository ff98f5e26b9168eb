namespace AutoGrad.Cli.Training;

/// <summary>The options every example of <c>autograd train</c> takes.</summary>
/// <param name="Full">Train on the full Fashion-MNIST set rather than the shipped sample.</param>
/// <param name="DataPath">A folder holding Fashion-MNIST's four IDX files, or null.</param>
/// <param name="Iterations">The most L-BFGS iterations, or null for the example's default.</param>
/// <param name="OutDir">The folder for the results (.npy and PNG).</param>
/// <param name="Seed">The seed of the starting point and of the patches.</param>
/// <param name="Constants">Values from --set that replace the example's constants.</param>
/// <param name="Output">Where progress and the summary go.</param>
internal sealed record TrainingOptions(
    bool Full, string? DataPath, int? Iterations, string OutDir, int Seed,
    IReadOnlyDictionary<string, double> Constants, TextWriter Output);

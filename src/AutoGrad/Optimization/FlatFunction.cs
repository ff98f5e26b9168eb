namespace AutoGrad.Optimization;

/// <summary>
/// A function of a flat parameter vector: returns its value at <paramref name="theta"/> and
/// writes its gradient into <paramref name="gradient"/>, which has the same length.
/// </summary>
/// <param name="theta">The parameters; the function does not change them.</param>
/// <param name="gradient">Receives the gradient.</param>
/// <returns>The value.</returns>
public delegate double FlatFunction(double[] theta, double[] gradient);

namespace AutoGrad.Optimization;

/// <summary>
/// The product of a function's Hessian at <paramref name="theta"/> with
/// <paramref name="direction"/>, written into <paramref name="product"/>; all three have the
/// same length.
/// </summary>
internal delegate void HessianProduct(double[] theta, double[] direction, double[] product);

namespace AutoGrad.Benchmarks.ClosedForms;

/// <summary>
/// A hand-written value and gradient of one seed example: the products on
/// <see cref="Runtime.Blas.Current"/> with transposes in GEMM flags, scalars in alpha and
/// beta, and every buffer allocated once in the constructor.
/// </summary>
public abstract class ClosedForm
{
    /// <summary>GEMM calls per evaluation.</summary>
    public abstract int GemmCalls { get; }

    /// <summary>The value; the gradient is written into <paramref name="gradient"/>.</summary>
    public abstract double Evaluate(double[] gradient);
}

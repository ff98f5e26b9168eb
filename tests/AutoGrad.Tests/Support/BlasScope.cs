using AutoGrad.Runtime;
using NUnit.Framework;

namespace AutoGrad.Tests.Support;

/// <summary>
/// Makes one BLAS backend current until disposed, then restores the one before. Objectives
/// compiled inside the scope capture the backend.
/// </summary>
internal sealed class BlasScope : IDisposable
{
    /// <summary>The names of the backends every compiled test runs under.</summary>
    public static readonly string[] Backends = ["managed", "openblas"];

    private readonly IBlas _previous;

    private BlasScope(IBlas blas)
    {
        _previous = Blas.Current;
        Blas.Use(blas);
    }

    /// <summary>Makes the backend named <paramref name="backend"/> current.</summary>
    public static BlasScope Use(string backend)
    {
        IBlas? blas = backend == "openblas" ? Blas.OpenBlasOrNull : Blas.Managed;
        Assert.That(blas, Is.Not.Null, "OpenBLAS is installed on this machine; it must load");
        return new BlasScope(blas!);
    }

    /// <inheritdoc/>
    public void Dispose() => Blas.Use(_previous);
}

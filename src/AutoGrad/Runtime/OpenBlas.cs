using System.Runtime.InteropServices;

namespace AutoGrad.Runtime;

/// <summary>
/// <see cref="IBlas"/> over <c>cblas_dgemm</c> from the native OpenBLAS library, bound at run time
/// so that a machine without OpenBLAS still loads AutoGrad and falls back to
/// <see cref="ManagedBlas"/>.
/// </summary>
internal sealed unsafe class OpenBlas : IBlas
{
    // CBLAS enum values (cblas.h): CblasColMajor, CblasNoTrans, CblasTrans.
    private const int ColMajor = 102;
    private const int NoTrans = 111;
    private const int Trans = 112;

    // Debian's libopenblas0-pthread installs the SONAME through the alternatives system;
    // the direct path covers machines where the alternative points at another BLAS.
    private static readonly string[] s_libraryNames =
    [
        "libopenblas.so.0",
        "libopenblas.so",
        "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0",
    ];

    // void cblas_dgemm(order, transA, transB, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc),
    // with 32-bit blasint as in the Debian (non-64) build.
    private readonly delegate* unmanaged<int, int, int, int, int, int, double, double*, int,
        double*, int, double, double*, int, void> _dgemm;

    private OpenBlas(IntPtr dgemm)
    {
        _dgemm = (delegate* unmanaged<int, int, int, int, int, int, double, double*, int,
            double*, int, double, double*, int, void>)dgemm;
    }

    /// <summary>The name used in reports and by <c>AUTOGRAD_BLAS</c>.</summary>
    public string Name => "openblas";

    /// <summary>
    /// Loads OpenBLAS and binds <c>cblas_dgemm</c>; false, with <paramref name="blas"/> null,
    /// when no candidate library loads or none exports the symbol.
    /// </summary>
    public static bool TryCreate(out OpenBlas? blas)
    {
        foreach (string name in s_libraryNames)
        {
            if (!NativeLibrary.TryLoad(name, out IntPtr handle))
            {
                continue;
            }

            if (NativeLibrary.TryGetExport(handle, "cblas_dgemm", out IntPtr dgemm))
            {
                // The handle stays loaded for the life of the process: _dgemm points into it.
                blas = new OpenBlas(dgemm);
                return true;
            }

            NativeLibrary.Free(handle);
        }

        blas = null;
        return false;
    }

    /// <inheritdoc/>
    public void Gemm(bool transA, bool transB, int m, int n, int k, double alpha, double[] a,
        int lda, double[] b, int ldb, double beta, double[] c, int ldc)
    {
        ManagedBlas.CheckArguments(transA, transB, m, n, k, a, lda, b, ldb, c, ldc);

        // Empty products are settled here: native code never sees a null (empty) pointer,
        // and C = beta * C for k = 0 overwrites without reading when beta is 0, whatever
        // the library version does.
        if (m == 0 || n == 0 || k == 0)
        {
            ManagedBlas.ScaleC(m, n, beta, c, ldc);
            return;
        }

        fixed (double* pa = a, pb = b, pc = c)
        {
            _dgemm(ColMajor, transA ? Trans : NoTrans, transB ? Trans : NoTrans, m, n, k,
                alpha, pa, lda, pb, ldb, beta, pc, ldc);
        }
    }
}

using AutoGrad.Runtime;
using NUnit.Framework;

namespace AutoGrad.Tests.Runtime;

/// <summary>
/// Every backend against a naive triple loop, over transposes, odd sizes, padded leading
/// dimensions and alpha/beta; then the AUTOGRAD_BLAS selection rules.
/// </summary>
[TestFixture]
public sealed class BlasTests
{
    private const string ManagedName = "managed";
    private const string OpenBlasName = "openblas";
    private const double Tolerance = 1e-12;

    // Outside the m x n block of C; a backend that writes there changes it.
    private const double CPadding = 777.0;

    /// <summary>One product: op(A) is M x K, op(B) is K x N, every ld is rows + Pad.</summary>
    public sealed record GemmCase(bool TransA, bool TransB, int M, int N, int K, int Pad,
        double Alpha, double Beta);

    private static readonly (string Behaviour, GemmCase Case)[] s_table =
    [
        ("Gemm_NoTranspose_MatchesReference", new(false, false, 3, 4, 5, 0, 1, 0)),
        ("Gemm_TransposedA_MatchesReference", new(true, false, 3, 4, 5, 0, 1, 0)),
        ("Gemm_TransposedB_MatchesReference", new(false, true, 3, 4, 5, 0, 1, 0)),
        ("Gemm_BothTransposed_MatchesReference", new(true, true, 3, 4, 5, 0, 1, 0)),
        ("Gemm_NoTranspose_PaddedLeadingDimensions_MatchesReference",
            new(false, false, 3, 4, 5, 3, 1, 0)),
        ("Gemm_TransposedA_PaddedLeadingDimensions_MatchesReference",
            new(true, false, 3, 4, 5, 3, 1, 0)),
        ("Gemm_TransposedB_PaddedLeadingDimensions_MatchesReference",
            new(false, true, 3, 4, 5, 3, 1, 0)),
        ("Gemm_BothTransposed_PaddedLeadingDimensions_MatchesReference",
            new(true, true, 3, 4, 5, 3, 1, 0)),
        ("Gemm_NoTranspose_LargerThanVectorWidth_MatchesReference",
            new(false, false, 37, 29, 41, 2, 1, 0)),
        ("Gemm_TransposedA_LargerThanVectorWidth_MatchesReference",
            new(true, false, 37, 29, 41, 2, 1, 0)),
        ("Gemm_TransposedB_LargerThanVectorWidth_MatchesReference",
            new(false, true, 37, 29, 41, 2, 1, 0)),
        ("Gemm_BothTransposed_LargerThanVectorWidth_MatchesReference",
            new(true, true, 37, 29, 41, 2, 1, 0)),
        ("Gemm_ScaledProductPlusScaledC_MatchesReference", new(false, true, 6, 2, 7, 1, 2.5, -0.5)),
        ("Gemm_BetaOne_AccumulatesIntoC", new(true, false, 5, 3, 4, 2, -1, 1)),
        ("Gemm_AlphaZero_OnlyScalesC", new(true, true, 4, 5, 3, 1, 0, 2)),
        ("Gemm_SingleRowTimesSingleColumn_MatchesReference", new(false, false, 1, 1, 9, 0, 1, 0)),
    ];

    private static IEnumerable<TestCaseData> Table() =>
        from row in s_table
        from backend in new[] { ManagedName, OpenBlasName }
        select new TestCaseData(backend, row.Case).SetName($"{row.Behaviour}({backend})");

    [TestCaseSource(nameof(Table))]
    public void Gemm_MatchesReference(string backend, GemmCase g)
    {
        IBlas blas = Resolve(backend);
        var random = new Random(17 * g.M + 5 * g.N + g.K);
        int rowsA = g.TransA ? g.K : g.M, colsA = g.TransA ? g.M : g.K;
        int rowsB = g.TransB ? g.N : g.K, colsB = g.TransB ? g.K : g.N;
        int lda = rowsA + g.Pad, ldb = rowsB + g.Pad, ldc = g.M + g.Pad;
        // NaN in the padding of A and B poisons the result if a backend reads it.
        double[] a = Stored(rowsA, colsA, lda, random, double.NaN);
        double[] b = Stored(rowsB, colsB, ldb, random, double.NaN);
        double[] c = Stored(g.M, g.N, ldc, random, CPadding);
        double[] expected = (double[])c.Clone();

        Reference(g.TransA, g.TransB, g.M, g.N, g.K, g.Alpha, a, lda, b, ldb, g.Beta, expected,
            ldc);
        blas.Gemm(g.TransA, g.TransB, g.M, g.N, g.K, g.Alpha, a, lda, b, ldb, g.Beta, c, ldc);

        Assert.That(c, Is.EqualTo(expected).Within(Tolerance));
    }

    [TestCase(ManagedName)]
    [TestCase(OpenBlasName)]
    public void Gemm_BetaZero_OverwritesNaNInC(string backend)
    {
        IBlas blas = Resolve(backend);
        double[] a = [1, 2, 3, 4]; // [1 3; 2 4]
        double[] b = [5, 6, 7, 8]; // [5 7; 6 8]
        double[] c = [double.NaN, double.NaN, double.NaN, double.NaN];

        blas.Gemm(false, false, 2, 2, 2, 1, a, 2, b, 2, 0, c, 2);

        Assert.That(c, Is.EqualTo(new double[] { 23, 34, 31, 46 }));
    }

    [TestCase(ManagedName)]
    [TestCase(OpenBlasName)]
    public void Gemm_KZero_ScalesCByBeta(string backend)
    {
        IBlas blas = Resolve(backend);
        double[] c = [1, 2, 3, 4, 5, 6];

        blas.Gemm(false, false, 2, 3, 0, 1, [], 2, [], 1, 3, c, 2);

        Assert.That(c, Is.EqualTo(new double[] { 3, 6, 9, 12, 15, 18 }));
    }

    [TestCase(ManagedName)]
    [TestCase(OpenBlasName)]
    public void Gemm_KZeroAndBetaZero_WritesZerosOverNaN(string backend)
    {
        IBlas blas = Resolve(backend);
        double[] c = [double.NaN, double.NaN, double.NaN, CPadding];

        blas.Gemm(true, true, 3, 1, 0, 1, [], 1, [], 1, 0, c, 4);

        Assert.That(c, Is.EqualTo(new double[] { 0, 0, 0, CPadding }));
    }

    [TestCase(ManagedName, 0, 3)]
    [TestCase(ManagedName, 3, 0)]
    [TestCase(OpenBlasName, 0, 3)]
    [TestCase(OpenBlasName, 3, 0)]
    public void Gemm_EmptyResult_LeavesCUntouched(string backend, int m, int n)
    {
        IBlas blas = Resolve(backend);
        double[] a = [1, 2, 3, 4, 5, 6];
        double[] b = [1, 2, 3, 4, 5, 6];
        double[] c = [CPadding, CPadding, CPadding];

        blas.Gemm(false, false, m, n, 2, 1, a, 3, b, 2, 0, c, 3);

        Assert.That(c, Is.EqualTo(new double[] { CPadding, CPadding, CPadding }));
    }

    [TestCase(ManagedName)]
    [TestCase(OpenBlasName)]
    public void Gemm_LeadingDimensionBelowRows_Throws(string backend)
    {
        IBlas blas = Resolve(backend);
        double[] a = new double[6], b = new double[6], c = new double[4];

        var error = Assert.Throws<ArgumentOutOfRangeException>(
            () => blas.Gemm(false, false, 2, 2, 3, 1, a, 1, b, 3, 0, c, 2));

        Assert.That(error!.ParamName, Is.EqualTo("lda"));
    }

    [TestCase(ManagedName)]
    [TestCase(OpenBlasName)]
    public void Gemm_ArrayTooShortForShape_Throws(string backend)
    {
        IBlas blas = Resolve(backend);
        double[] a = new double[6], b = new double[5], c = new double[4];

        var error = Assert.Throws<ArgumentException>(
            () => blas.Gemm(false, false, 2, 2, 3, 1, a, 2, b, 3, 0, c, 2));

        Assert.That(error!.Message, Does.StartWith(
            "b holds 5 elements, but a 3 x 2 matrix with leading dimension 3 needs 6."));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("  ")]
    public void Select_Unset_PrefersOpenBlas(string? setting)
    {
        var openBlas = new FakeBlas();

        Assert.That(Blas.Select(setting, () => openBlas), Is.SameAs(openBlas));
    }

    [Test]
    public void Select_UnsetWithoutOpenBlas_FallsBackToManaged()
    {
        Assert.That(Blas.Select(null, () => null), Is.SameAs(Blas.Managed));
    }

    [TestCase("managed")]
    [TestCase(" Managed ")]
    public void Select_Managed_NeverLoadsOpenBlas(string setting)
    {
        IBlas selected = Blas.Select(setting, () => throw new AssertionException("loaded"));

        Assert.That(selected, Is.SameAs(Blas.Managed));
    }

    [TestCase("openblas")]
    [TestCase("OPENBLAS")]
    public void Select_OpenBlasForced_ReturnsOpenBlas(string setting)
    {
        var openBlas = new FakeBlas();

        Assert.That(Blas.Select(setting, () => openBlas), Is.SameAs(openBlas));
    }

    [Test]
    public void Select_OpenBlasForcedButMissing_ThrowsNamingPackage()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => Blas.Select("openblas", () => null));

        Assert.That(error!.Message, Is.EqualTo(
            "AUTOGRAD_BLAS=openblas, but OpenBLAS could not be loaded (libopenblas.so.0 with "
            + "cblas_dgemm). Install the Debian package libopenblas0-pthread, or unset "
            + "AUTOGRAD_BLAS to fall back to the managed backend."));
    }

    [Test]
    public void Select_UnknownValue_ThrowsListingChoices()
    {
        var error = Assert.Throws<InvalidOperationException>(
            () => Blas.Select("mkl", () => null));

        Assert.That(error!.Message, Is.EqualTo(
            "AUTOGRAD_BLAS='mkl' names no BLAS backend; use 'openblas' or 'managed', or leave "
            + "it unset to choose automatically."));
    }

    [Test]
    public void Use_InstallsBackend_AsCurrent()
    {
        IBlas before = Blas.Current;
        try
        {
            Blas.Use(Blas.Managed);

            Assert.That(Blas.Current, Is.SameAs(Blas.Managed));
            Assert.That(Blas.BackendName, Is.EqualTo(ManagedName));
        }
        finally
        {
            Blas.Use(before);
        }
    }

    [Test]
    public void OpenBlasOrNull_WhenLoaded_IsNamedOpenBlas()
    {
        IBlas openBlas = Resolve(OpenBlasName);

        Assert.That(openBlas.Name, Is.EqualTo(OpenBlasName));
    }

    private static IBlas Resolve(string backend)
    {
        if (backend == ManagedName)
        {
            return Blas.Managed;
        }

        IBlas? openBlas = Blas.OpenBlasOrNull;
        Assume.That(openBlas, Is.Not.Null, "OpenBLAS (libopenblas0-pthread) does not load here");
        return openBlas!;
    }

    // A rows x cols matrix stored with leading dimension ld: entries in [-1, 1), the ld - rows
    // padding rows of each column set to padding.
    private static double[] Stored(int rows, int cols, int ld, Random random, double padding)
    {
        var x = new double[ld * cols];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = i % ld < rows ? 2 * random.NextDouble() - 1 : padding;
        }

        return x;
    }

    // C(i, j) = alpha * sum_p op(A)(i, p) * op(B)(p, j) + beta * C(i, j), C never read when
    // beta is 0.
    private static void Reference(bool transA, bool transB, int m, int n, int k, double alpha,
        double[] a, int lda, double[] b, int ldb, double beta, double[] c, int ldc)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    double aip = transA ? a[p + i * lda] : a[i + p * lda];
                    double bpj = transB ? b[j + p * ldb] : b[p + j * ldb];
                    sum += aip * bpj;
                }

                double old = beta == 0 ? 0 : beta * c[i + j * ldc];
                c[i + j * ldc] = alpha * sum + old;
            }
        }
    }

    private sealed class FakeBlas : IBlas
    {
        public string Name => "fake";

        public void Gemm(bool transA, bool transB, int m, int n, int k, double alpha, double[] a,
            int lda, double[] b, int ldb, double beta, double[] c, int ldc) =>
            throw new NotSupportedException("The fake backend only stands in for selection.");
    }
}

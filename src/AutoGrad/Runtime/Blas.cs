namespace AutoGrad.Runtime;

/// <summary>
/// Chooses the <see cref="IBlas"/> that compiled objectives use: OpenBLAS when it loads,
/// otherwise the managed loops. The environment variable <c>AUTOGRAD_BLAS</c> forces one
/// (<c>openblas</c> or <c>managed</c>).
/// </summary>
public static class Blas
{
    /// <summary>The environment variable that forces a backend.</summary>
    internal const string EnvironmentVariable = "AUTOGRAD_BLAS";

    /// <summary>The Debian package that provides <c>libopenblas.so.0</c>.</summary>
    internal const string OpenBlasPackage = "libopenblas0-pthread";

    private static readonly Lazy<IBlas?> s_openBlas = new(LoadOpenBlas);
    private static readonly Lock s_lock = new();
    private static IBlas? s_current;

    /// <summary>
    /// The backend in use, chosen on first use from <c>AUTOGRAD_BLAS</c> and whether OpenBLAS
    /// loads.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// <c>AUTOGRAD_BLAS</c> is <c>openblas</c> but the library does not load, or it holds a
    /// value that names no backend.
    /// </exception>
    public static IBlas Current => Volatile.Read(ref s_current) ?? ChooseCurrent();

    /// <summary>The <see cref="IBlas.Name"/> of <see cref="Current"/>.</summary>
    public static string BackendName => Current.Name;

    /// <summary>The managed backend, always available.</summary>
    public static IBlas Managed => ManagedBlas.Instance;

    /// <summary>The OpenBLAS backend, or null when the native library does not load.</summary>
    public static IBlas? OpenBlasOrNull => s_openBlas.Value;

    /// <summary>Makes <paramref name="blas"/> the current backend (for tests).</summary>
    internal static void Use(IBlas blas)
    {
        ArgumentNullException.ThrowIfNull(blas);
        Volatile.Write(ref s_current, blas);
    }

    /// <summary>
    /// The backend that an <c>AUTOGRAD_BLAS</c> value of <paramref name="setting"/> selects:
    /// unset or blank picks OpenBLAS when <paramref name="openBlas"/> yields it, else managed;
    /// <c>managed</c> and <c>openblas</c> (any case) force one. <paramref name="openBlas"/> is
    /// called only when OpenBLAS may be chosen.
    /// </summary>
    internal static IBlas Select(string? setting, Func<IBlas?> openBlas)
    {
        string value = setting?.Trim() ?? "";
        if (value.Length == 0)
        {
            return openBlas() ?? Managed;
        }

        if (value.Equals("managed", StringComparison.OrdinalIgnoreCase))
        {
            return Managed;
        }

        if (value.Equals("openblas", StringComparison.OrdinalIgnoreCase))
        {
            return openBlas() ?? throw new InvalidOperationException(
                $"{EnvironmentVariable}=openblas, but OpenBLAS could not be loaded "
                + "(libopenblas.so.0 with cblas_dgemm). Install the Debian package "
                + $"{OpenBlasPackage}, or unset {EnvironmentVariable} to fall back to the "
                + "managed backend.");
        }

        throw new InvalidOperationException(
            $"{EnvironmentVariable}='{setting}' names no BLAS backend; "
            + "use 'openblas' or 'managed', or leave it unset to choose automatically.");
    }

    private static IBlas ChooseCurrent()
    {
        // A failed choice is not cached: the exception repeats on every use, and a test can
        // still install a backend with Use.
        lock (s_lock)
        {
            s_current ??= Select(
                Environment.GetEnvironmentVariable(EnvironmentVariable),
                () => s_openBlas.Value);
            return s_current;
        }
    }

    private static IBlas? LoadOpenBlas() => OpenBlas.TryCreate(out OpenBlas? blas) ? blas : null;
}

namespace AutoGrad.Runtime;

/// <summary>Small runtime helpers that compiled code calls.</summary>
internal static class Kernels
{
    /// <summary>Sets the first <paramref name="count"/> entries to <paramref name="value"/>.</summary>
    public static void Fill(double[] target, int count, double value) =>
        target.AsSpan(0, count).Fill(value);

    /// <summary>Copies the first <paramref name="count"/> entries.</summary>
    public static void Copy(double[] source, double[] target, int count) =>
        source.AsSpan(0, count).CopyTo(target);

    /// <summary>Writes the n x n identity.</summary>
    public static void Identity(double[] target, int n)
    {
        target.AsSpan(0, n * n).Clear();
        for (int i = 0; i < n; i++)
        {
            target[i * (n + 1)] = 1;
        }
    }
}

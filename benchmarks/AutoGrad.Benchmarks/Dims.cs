namespace AutoGrad.Benchmarks;

/// <summary>The sizes n, k and m of a <see cref="ProblemSize"/>.</summary>
public readonly record struct Dims(int N, int K, int M)
{
    /// <summary>The sizes that <paramref name="size"/> stands for.</summary>
    public static Dims Of(ProblemSize size) => size switch
    {
        ProblemSize.Small => new(8, 8, 10),
        ProblemSize.Ufldl => new(64, 121, 2000),
        ProblemSize.Large => new(256, 512, 4096),
        _ => throw new ArgumentOutOfRangeException(nameof(size), size, "no such size"),
    };
}

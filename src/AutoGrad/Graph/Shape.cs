namespace AutoGrad.Graph;

/// <summary>The rows and columns of a matrix value; a scalar is 1x1.</summary>
/// <param name="Rows">The number of rows.</param>
/// <param name="Cols">The number of columns.</param>
public readonly record struct Shape(Dim Rows, Dim Cols)
{
    /// <summary>The shape of a scalar.</summary>
    public static Shape Scalar { get; } = new(Dim.One, Dim.One);

    /// <summary>A shape of known sizes.</summary>
    public static Shape Of(long rows, long cols) => new(Dim.Of(rows), Dim.Of(cols));

    /// <summary>True for 1x1.</summary>
    public bool IsScalar => Rows.IsOne && Cols.IsOne;

    /// <summary>True when one side is known to be 1 (a row or column vector, or a scalar).</summary>
    public bool IsVector => Rows.IsOne || Cols.IsOne;

    /// <summary>True when both sizes are known numbers.</summary>
    public bool IsKnown => Rows.IsKnown && Cols.IsKnown;

    /// <summary>The shape with rows and columns swapped.</summary>
    public Shape Transposed => new(Cols, Rows);

    /// <summary>The number of entries, as a dimension.</summary>
    public Dim Count => Rows.Times(Cols);

    /// <summary>The shape as messages write it: <c>8x5</c>, or <c>n x k</c> when symbolic.</summary>
    public override string ToString() =>
        IsKnown ? $"{Rows}x{Cols}" : $"{Rows} x {Cols}";
}

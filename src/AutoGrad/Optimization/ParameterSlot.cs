namespace AutoGrad.Optimization;

/// <summary>
/// Where one parameter lives in a flat parameter vector: <see cref="Length"/> entries from
/// <see cref="Offset"/>, its matrix stored column by column.
/// </summary>
/// <param name="Name">The variable's name in the objective.</param>
/// <param name="Rows">The number of rows.</param>
/// <param name="Columns">The number of columns.</param>
/// <param name="Offset">The index of the parameter's first entry in the flat vector.</param>
public sealed record ParameterSlot(string Name, int Rows, int Columns, int Offset)
{
    /// <summary>The number of entries, <c>Rows * Columns</c>.</summary>
    public int Length => Rows * Columns;

    /// <summary>The parameter's entries within <paramref name="theta"/>.</summary>
    public Span<double> Of(double[] theta) => theta.AsSpan(Offset, Length);

    /// <summary>The row and column (from 0) of the slot's entry <paramref name="index"/>.</summary>
    public (int Row, int Column) Position(int index) => (index % Rows, index / Rows);
}

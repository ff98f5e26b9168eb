using AutoGrad.Diagnostics;
using AutoGrad.Graph;

namespace AutoGrad.Compilation;

/// <summary>
/// The inputs of an objective in a fixed order, with their declared shapes, and the named sizes
/// those shapes use. It checks what a call binds and works out the named sizes from it.
/// </summary>
internal sealed class Signature
{
    public Signature(IReadOnlyList<(string Name, Shape Shape)> inputs, IReadOnlyList<string> dims)
    {
        Inputs = inputs;
        Dims = dims;
    }

    /// <summary>The variables, in the order the array API takes them.</summary>
    public IReadOnlyList<(string Name, Shape Shape)> Inputs { get; }

    /// <summary>The named sizes, in the order the compiled kernel reads them.</summary>
    public IReadOnlyList<string> Dims { get; }

    /// <summary>The index of a variable, or -1.</summary>
    public int IndexOf(string name)
    {
        for (int i = 0; i < Inputs.Count; i++)
        {
            if (Inputs[i].Name == name)
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>
    /// The value of each named size, from the sizes of the bound values (and
    /// <paramref name="given"/>, for sizes no variable shows); checks that every variable
    /// is bound with a shape that fits its declaration.
    /// </summary>
    public int[] Resolve(Func<int, (int Rows, int Cols)?> sizeOf, IReadOnlyDictionary<string, int>? given)
    {
        var values = new long?[Dims.Count];
        var sources = new string?[Dims.Count];
        if (given is not null)
        {
            for (int d = 0; d < Dims.Count; d++)
            {
                if (given.TryGetValue(Dims[d], out int v))
                {
                    values[d] = v;
                    sources[d] = "given";
                }
            }
        }
        for (int i = 0; i < Inputs.Count; i++)
        {
            var (name, shape) = Inputs[i];
            var size = sizeOf(i) ?? throw Errors.MissingBinding(name, shape);
            Match(name, shape, shape.Rows, size.Rows, size, values, sources);
            Match(name, shape, shape.Cols, size.Cols, size, values, sources);
        }
        for (int d = 0; d < Dims.Count; d++)
        {
            if (values[d] is null)
            {
                throw Errors.UnboundDimension(Dims[d]);
            }
        }
        return [.. values.Select(v => (int)v!.Value)];
    }

    private void Match(string name, Shape declared, Dim dim, int actual, (int Rows, int Cols) size,
        long?[] values, string?[] sources)
    {
        var unknown = dim.SymbolList().Where(s => values[IndexOfDim(s)] is null).Distinct().ToList();
        if (unknown.Count == 1 && dim.SymbolList().Count(s => s == unknown[0]) == 1)
        {
            long known = dim.Evaluate(s => values[IndexOfDim(s)] ?? 1);
            if (known > 0 && actual % known == 0 && actual / known >= 1)
            {
                int d = IndexOfDim(unknown[0]);
                values[d] = actual / known;
                sources[d] = name;
                return;
            }
        }
        if (unknown.Count > 0 || dim.Evaluate(s => values[IndexOfDim(s)]!.Value) != actual)
        {
            throw Errors.BoundShape(name, declared, size.Rows, size.Cols, Explain(dim, values, sources));
        }
    }

    private string Explain(Dim dim, long?[] values, string?[] sources)
    {
        var parts = dim.SymbolList().Distinct()
            .Where(s => values[IndexOfDim(s)] is not null)
            .Select(s => $"{s} = {values[IndexOfDim(s)]} (from {sources[IndexOfDim(s)]})");
        return string.Join(", ", parts);
    }

    private int IndexOfDim(string symbol)
    {
        for (int d = 0; d < Dims.Count; d++)
        {
            if (Dims[d] == symbol)
            {
                return d;
            }
        }
        throw new System.Diagnostics.UnreachableException($"undeclared size {symbol}");
    }
}

using System.Globalization;

namespace AutoGrad.Graph;

/// <summary>
/// One dimension of a <see cref="Shape"/>: a known size, or a product of named sizes and a
/// coefficient (<c>n</c>, <c>n*k</c>, <c>2*m</c>) whose values are bound when a function is called.
/// </summary>
public readonly struct Dim : IEquatable<Dim>
{
    private readonly string? _symbols;

    private Dim(long coefficient, string? symbols)
    {
        Coefficient = coefficient;
        _symbols = string.IsNullOrEmpty(symbols) ? null : symbols;
    }

    /// <summary>The dimension 1, the default.</summary>
    public static Dim One => new(1, null);

    /// <summary>The numeric factor of the dimension; the whole size when it is known.</summary>
    public long Coefficient { get; }

    /// <summary>The named factors, sorted and joined by <c>*</c>; empty when the size is known.</summary>
    public string Symbols => _symbols ?? "";

    /// <summary>True when the size is a number rather than a product with named factors.</summary>
    public bool IsKnown => _symbols is null;

    /// <summary>True when the dimension is known to be 1.</summary>
    public bool IsOne => IsKnown && Coefficient == 1;

    /// <summary>A known size.</summary>
    public static Dim Of(long size) => new(size, null);

    /// <summary>A named size, such as <c>n</c>.</summary>
    public static Dim Symbol(string name) => new(1, name);

    /// <summary>The product of two dimensions.</summary>
    public Dim Times(Dim other)
    {
        var names = SymbolList().Concat(other.SymbolList()).Order(StringComparer.Ordinal);
        return new Dim(Coefficient * other.Coefficient, string.Join("*", names));
    }

    /// <summary>The named factors, in order.</summary>
    public IEnumerable<string> SymbolList() =>
        _symbols is null ? [] : _symbols.Split('*');

    /// <summary>The size, given the values of the named factors.</summary>
    public long Evaluate(Func<string, long> valueOf)
    {
        long size = Coefficient;
        foreach (string name in SymbolList())
        {
            size *= valueOf(name);
        }
        return size;
    }

    /// <inheritdoc/>
    public bool Equals(Dim other) => Coefficient == other.Coefficient && Symbols == other.Symbols;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Dim other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Coefficient, Symbols);

    /// <summary>True when both dimensions are the same size for every binding.</summary>
    public static bool operator ==(Dim left, Dim right) => left.Equals(right);

    /// <summary>True when the dimensions may differ.</summary>
    public static bool operator !=(Dim left, Dim right) => !left.Equals(right);

    /// <summary>The dimension as the language writes it: <c>8</c>, <c>n</c>, <c>2*n*k</c>.</summary>
    public override string ToString()
    {
        if (IsKnown)
        {
            return Coefficient.ToString(CultureInfo.InvariantCulture);
        }
        return Coefficient == 1
            ? Symbols
            : Coefficient.ToString(CultureInfo.InvariantCulture) + "*" + Symbols;
    }
}

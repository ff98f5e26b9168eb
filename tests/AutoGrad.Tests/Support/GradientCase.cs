using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;
using Values = System.Collections.Generic.IReadOnlyDictionary<
    string, MathNet.Numerics.LinearAlgebra.Matrix<double>>;

namespace AutoGrad.Tests.Support;

/// <summary>
/// One row of the gradient table: an objective with its declarations, the domain its random
/// inputs come from, and optionally the gradient of some variables in closed form.
/// </summary>
/// <param name="Name">The row's name in test names and messages.</param>
/// <param name="Text">The objective, declarations included.</param>
/// <param name="Domain">The domain of every variable not in <see cref="Domains"/>.</param>
internal sealed record GradientCase(string Name, string Text, Domain Domain)
{
    private static readonly Dictionary<string, int> NoDims = [];

    /// <summary>Domains for particular variables.</summary>
    public IReadOnlyDictionary<string, Domain> Domains { get; init; } =
        new Dictionary<string, Domain>();

    /// <summary>The values of the named sizes in symbolic declarations.</summary>
    public IReadOnlyDictionary<string, int> Dims { get; init; } = NoDims;

    /// <summary>Named scalars folded at compile time.</summary>
    public IReadOnlyDictionary<string, double> Constants { get; init; } =
        new Dictionary<string, double>();

    /// <summary>When true, free names are 1x1 variables (a named scalar such as lambda).</summary>
    public bool UndeclaredAreScalars { get; init; }

    /// <summary>The variables to differentiate; null for all of them.</summary>
    public IReadOnlyList<string>? Wrt { get; init; }

    /// <summary>Gradients written out in C#, by variable.</summary>
    public IReadOnlyDictionary<string, Func<Values, Matrix<double>>> ClosedForms { get; init; } =
        new Dictionary<string, Func<Values, Matrix<double>>>();

    /// <summary>The options the text is parsed with: the row's constants, free scalars.</summary>
    public ObjectiveOptions Options()
    {
        var options = new ObjectiveOptions { UndeclaredAreScalars = UndeclaredAreScalars };
        foreach (var (name, value) in Constants)
        {
            options.Constants[name] = value;
        }
        return options;
    }

    /// <summary>The parsed objective.</summary>
    public Objective Parse() => Objective.Parse(Text, Options());

    /// <summary>The variables differentiated: <see cref="Wrt"/>, or all in ordinal order.</summary>
    public string[] WrtOf(Objective objective) =>
        Wrt is null ? [.. objective.Variables.Keys.Order(StringComparer.Ordinal)] : [.. Wrt];

    /// <summary>Random inputs for every variable, the same on every run.</summary>
    public Dictionary<string, Matrix<double>> Bind(Objective objective, string salt = "") =>
        RandomData.Bind(objective.Variables, Dims, Domain, Domains, RandomData.For(Name + salt));

    /// <summary>The size of a shape under <see cref="Dims"/>.</summary>
    public (int Rows, int Cols) Size(Shape shape) => RandomData.Size(shape, Dims);

    /// <inheritdoc/>
    public override string ToString() => Name;
}

using AutoGrad.Compilation;
using AutoGrad.Diagnostics;
using MathNet.Numerics.LinearAlgebra;
using Bindings = System.Collections.Generic.IReadOnlyDictionary<
    string, MathNet.Numerics.LinearAlgebra.Matrix<double>>;

namespace AutoGrad.Optimization;

/// <summary>
/// A compiled objective as a function of one flat parameter vector: the data and the named
/// sizes are bound once, and each call copies the parameters out of the vector, runs the
/// compiled function, and copies the gradients back into one flat gradient vector. A call
/// allocates nothing of its own. One instance keeps one set of buffers, so it serves one
/// thread at a time.
/// </summary>
public sealed class FlatObjective
{
    private readonly double[][] _inputs;
    private readonly double[][] _gradients;
    private readonly (int Input, ParameterSlot Slot)[] _parameters;
    private readonly ParameterSlot[] _gradientSlots;
    private readonly Dictionary<string, int> _sizes;

    /// <summary>
    /// Binds <paramref name="data"/> to the variables of <paramref name="compiled"/> that are
    /// not parameters; the parameters are those of <paramref name="layout"/>, and the objective
    /// must be compiled with respect to each of them.
    /// </summary>
    /// <exception cref="AutoGradException">
    /// A variable has no value, a value has the wrong shape, or the layout and the compiled
    /// gradients do not name the same variables.
    /// </exception>
    public FlatObjective(
        CompiledObjective compiled, ParameterLayout layout, Bindings data)
    {
        ArgumentNullException.ThrowIfNull(compiled);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(data);
        CheckNames(compiled, layout, data);

        _sizes = ResolveSizes(compiled, layout, data);
        Compiled = compiled;
        Layout = layout;
        IReadOnlyList<string> variables = compiled.Variables;
        _inputs = [.. variables.Select(v => data.TryGetValue(v, out var m)
            ? m.ToColumnMajorArray() : new double[FindSlot(layout, v)?.Length ?? 0])];
        _parameters = [.. layout.Slots.Select(s => (IndexOf(variables, s.Name), s))];
        _gradientSlots = [.. compiled.Wrt.Select(w => layout[w])];
        _gradients = [.. _gradientSlots.Select(s => new double[s.Length])];
    }

    /// <summary>The compiled objective this function runs.</summary>
    public CompiledObjective Compiled { get; }

    /// <summary>Where each parameter lives in the flat vector.</summary>
    public ParameterLayout Layout { get; }

    /// <summary>The value of each named size, worked out from the data and the layout.</summary>
    public IReadOnlyDictionary<string, int> Sizes => _sizes;

    /// <summary>
    /// Compiles <paramref name="objective"/> with respect to the parameters of
    /// <paramref name="layout"/> and binds <paramref name="data"/> to the other variables.
    /// </summary>
    public static FlatObjective Create(
        Objective objective, ParameterLayout layout, Bindings data)
    {
        ArgumentNullException.ThrowIfNull(objective);
        ArgumentNullException.ThrowIfNull(layout);
        // The products are ordered for the sizes at hand: those of the data and parameters.
        var sizes = data.Select(d => (d.Key, d.Value.RowCount, d.Value.ColumnCount))
            .Concat(layout.Slots.Select(s => (s.Name, s.Rows, s.Columns)));
        Objective sized = objective.WithSizeHints(objective.SizesOf(sizes));
        return new FlatObjective(sized.Compile([.. layout.Names]), layout, data);
    }

    /// <summary>
    /// The objective's value at <paramref name="theta"/>; its gradient, in the same layout,
    /// goes into <paramref name="gradient"/>. This method fits <see cref="FlatFunction"/>.
    /// </summary>
    /// <exception cref="AutoGradException">A vector's length is not the layout's.</exception>
    public double ValueAndGradient(double[] theta, double[] gradient)
    {
        Layout.CheckLength("parameter", theta);
        Layout.CheckLength("gradient", gradient);
        foreach (var (input, slot) in _parameters)
        {
            slot.Of(theta).CopyTo(_inputs[input]);
        }

        double value = Compiled.Evaluate(_inputs, _gradients, _sizes);

        for (int w = 0; w < _gradients.Length; w++)
        {
            _gradients[w].CopyTo(_gradientSlots[w].Of(gradient));
        }
        return value;
    }

    /// <summary>The parameters in <paramref name="theta"/> as named matrices.</summary>
    public Bindings Unpack(double[] theta) => Layout.Unpack(theta);

    private static void CheckNames(
        CompiledObjective compiled, ParameterLayout layout, Bindings data)
    {
        foreach (string name in layout.Names.Where(n => !compiled.Wrt.Contains(n)))
        {
            throw compiled.Variables.Contains(name)
                ? Errors.ParameterNotDifferentiated(name, compiled.Wrt)
                : Errors.UnknownInput(name, compiled.Variables);
        }
        foreach (string name in compiled.Wrt.Where(w => FindSlot(layout, w) is null))
        {
            throw Errors.WrtNotInLayout(name);
        }
        foreach (string name in data.Keys)
        {
            if (!compiled.Variables.Contains(name))
            {
                throw Errors.UnknownInput(name, compiled.Variables);
            }
            if (FindSlot(layout, name) is not null)
            {
                throw Errors.DataIsParameter(name);
            }
        }
    }

    private static Dictionary<string, int> ResolveSizes(
        CompiledObjective compiled, ParameterLayout layout, Bindings data)
    {
        IReadOnlyList<string> variables = compiled.Variables;
        var signature = new Signature([.. variables.Zip(compiled.Shapes)], compiled.Dimensions);
        int[] sizes = signature.Resolve(i => SizeOf(variables[i], layout, data), null);
        return compiled.Dimensions.Select((d, i) => (d, sizes[i])).ToDictionary();
    }

    private static (int Rows, int Cols)? SizeOf(
        string name, ParameterLayout layout, Bindings data)
    {
        if (data.TryGetValue(name, out Matrix<double>? m))
        {
            return (m.RowCount, m.ColumnCount);
        }
        return FindSlot(layout, name) is { } slot ? (slot.Rows, slot.Columns) : null;
    }

    private static ParameterSlot? FindSlot(ParameterLayout layout, string name) =>
        layout.Slots.FirstOrDefault(s => s.Name == name);

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }
        throw new System.Diagnostics.UnreachableException($"'{name}' was checked to be a variable");
    }
}

using Bindings = System.Collections.Generic.IReadOnlyDictionary<
    string, MathNet.Numerics.LinearAlgebra.Matrix<double>>;

namespace AutoGrad.Optimization;

/// <summary>
/// The Hessian-vector product of an objective over a flat parameter vector: one compiled
/// function (theta, v) -> (value, gradient, H*v), the gradient graph differentiated again.
/// The data are bound once, as <see cref="FlatObjective"/> binds them; one instance serves one
/// thread at a time.
/// </summary>
internal sealed class FlatCurvature
{
    private readonly CompiledObjective _compiled;
    private readonly double[][] _inputs;
    private readonly double[][] _outputs;
    private readonly (int Input, ParameterSlot Slot)[] _parameters;
    private readonly (int Input, ParameterSlot Slot)[] _directions;
    private readonly ParameterSlot[] _outputSlots;
    private readonly IReadOnlyDictionary<string, int> _sizes;

    /// <summary>Compiles the product; checks and sizes are those of a FlatObjective.</summary>
    public FlatCurvature(Objective objective, ParameterLayout layout, Bindings data)
    {
        Flat = FlatObjective.Create(objective, layout, data);
        _sizes = Flat.Sizes;
        _compiled = objective.CompileHessianVector([.. layout.Names], out string[] directions);
        IReadOnlyList<string> variables = _compiled.Variables;
        IReadOnlyList<ParameterSlot> slots = layout.Slots;
        _inputs = [.. variables.Select(v => data.TryGetValue(v, out var m)
            ? m.ToColumnMajorArray() : new double[SlotOf(v, layout, directions).Length])];
        _parameters = [.. slots.Select(s => (Index(variables, s.Name), s))];
        _directions = [.. slots.Select((s, i) => (Index(variables, directions[i]), s))];
        _outputSlots = [.. _compiled.Wrt.Select(w => layout[w])];
        _outputs = [.. _outputSlots.Select(s => new double[s.Length])];
    }

    /// <summary>The objective's value and gradient alone.</summary>
    public FlatObjective Flat { get; }

    /// <summary>
    /// The value at <paramref name="theta"/>; the gradient goes into <paramref name="gradient"/>
    /// and the Hessian times <paramref name="direction"/> into <paramref name="product"/>.
    /// </summary>
    public double Evaluate(double[] theta, double[] direction, double[] gradient, double[] product)
    {
        Flat.Layout.CheckLength("parameter", theta);
        Flat.Layout.CheckLength("direction", direction);
        foreach (var (input, slot) in _parameters)
        {
            slot.Of(theta).CopyTo(_inputs[input]);
        }
        foreach (var (input, slot) in _directions)
        {
            slot.Of(direction).CopyTo(_inputs[input]);
        }

        double value = _compiled.Evaluate(_inputs, _outputs, _sizes);

        int half = _outputs.Length / 2;
        for (int w = 0; w < _outputs.Length; w++)
        {
            _outputs[w].CopyTo(_outputSlots[w].Of(w < half ? gradient : product));
        }
        return value;
    }

    private static ParameterSlot SlotOf(string name, ParameterLayout layout, string[] directions)
    {
        int d = Array.IndexOf(directions, name);
        return layout[d >= 0 ? layout.Names[d] : name];
    }

    private static int Index(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }
        throw new System.Diagnostics.UnreachableException($"'{name}' is an input of the product");
    }
}

using AutoGrad.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Optimization;

/// <summary>
/// The places of named parameters in one flat vector: each matrix column-major, one after
/// another in a stated order, as UFLDL writes <c>theta = [W1(:); W2(:); b1(:); b2(:)]</c>.
/// </summary>
/// <example>
/// <code>
/// var layout = new ParameterLayout(
///     [("W1", 25, 64), ("W2", 64, 25), ("b1", 25, 1), ("b2", 64, 1)]);
/// double[] theta = layout.Pack(initial);
/// Matrix&lt;double&gt; w1 = layout.Unpack(theta, "W1");
/// </code>
/// </example>
public sealed class ParameterLayout
{
    private readonly Dictionary<string, ParameterSlot> _byName = [];

    /// <summary>A layout of the given parameters, in the given order.</summary>
    /// <exception cref="AutoGradException">A size is below 1 or a name repeats.</exception>
    public ParameterLayout(IEnumerable<(string Name, int Rows, int Columns)> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var slots = new List<ParameterSlot>();
        long offset = 0;
        foreach (var (name, rows, columns) in parameters)
        {
            if (rows < 1 || columns < 1)
            {
                throw Errors.ParameterSize(name, rows, columns);
            }
            var slot = new ParameterSlot(name, rows, columns, checked((int)offset));
            if (!_byName.TryAdd(name, slot))
            {
                throw Errors.DuplicateParameter(name);
            }
            slots.Add(slot);
            offset += (long)rows * columns;
        }
        Slots = slots;
        Length = checked((int)offset);
    }

    /// <summary>The parameters in their order in the flat vector.</summary>
    public IReadOnlyList<ParameterSlot> Slots { get; }

    /// <summary>The parameters' names, in order.</summary>
    public IReadOnlyList<string> Names => [.. Slots.Select(s => s.Name)];

    /// <summary>The length of the flat vector: the number of entries of all parameters.</summary>
    public int Length { get; }

    /// <summary>The slot of the parameter <paramref name="name"/>.</summary>
    /// <exception cref="AutoGradException">The layout has no such parameter.</exception>
    public ParameterSlot this[string name] =>
        _byName.TryGetValue(name, out ParameterSlot? slot)
            ? slot : throw Errors.UnknownParameter(name, Names);

    /// <summary>
    /// A layout with the shapes of <paramref name="values"/>, in the order of
    /// <paramref name="order"/>, or in ordinal order of the names when none is given.
    /// </summary>
    public static ParameterLayout Of(
        IReadOnlyDictionary<string, Matrix<double>> values, params string[] order)
    {
        ArgumentNullException.ThrowIfNull(values);
        IEnumerable<string> names = order.Length > 0
            ? order : values.Keys.Order(StringComparer.Ordinal);
        return new ParameterLayout(names.Select(name => values.TryGetValue(name, out var m)
            ? (name, m.RowCount, m.ColumnCount)
            : throw Errors.UnknownParameter(name, values.Keys.Order(StringComparer.Ordinal))));
    }

    /// <summary>A new flat vector holding <paramref name="values"/>.</summary>
    /// <exception cref="AutoGradException">A value is missing or of another shape.</exception>
    public double[] Pack(IReadOnlyDictionary<string, Matrix<double>> values)
    {
        var theta = new double[Length];
        Pack(values, theta);
        return theta;
    }

    /// <summary>Writes <paramref name="values"/> into <paramref name="theta"/>.</summary>
    /// <exception cref="AutoGradException">A value is missing or of another shape.</exception>
    public void Pack(IReadOnlyDictionary<string, Matrix<double>> values, double[] theta)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckLength("parameter", theta);
        foreach (ParameterSlot slot in Slots)
        {
            if (!values.TryGetValue(slot.Name, out Matrix<double>? m))
            {
                throw Errors.MissingParameterValue(slot.Name, slot.Rows, slot.Columns);
            }
            if (m.RowCount != slot.Rows || m.ColumnCount != slot.Columns)
            {
                throw Errors.ParameterValueShape(
                    slot.Name, slot.Rows, slot.Columns, m.RowCount, m.ColumnCount);
            }
            double[] columnMajor = m.AsColumnMajorArray() ?? m.ToColumnMajorArray();
            columnMajor.CopyTo(slot.Of(theta));
        }
    }

    /// <summary>New matrices holding the parameters in <paramref name="theta"/>, by name.</summary>
    public IReadOnlyDictionary<string, Matrix<double>> Unpack(double[] theta)
    {
        CheckLength("parameter", theta);
        return Slots.ToDictionary(s => s.Name, s => Copy(s, theta));
    }

    /// <summary>
    /// A new matrix holding the entries of <paramref name="name"/> in <paramref name="theta"/>.
    /// </summary>
    public Matrix<double> Unpack(double[] theta, string name)
    {
        CheckLength("parameter", theta);
        return Copy(this[name], theta);
    }

    internal void CheckLength(string what, double[] vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (vector.Length != Length)
        {
            throw Errors.FlatLength(what, Length, vector.Length);
        }
    }

    private static Matrix<double> Copy(ParameterSlot slot, double[] theta) =>
        Matrix<double>.Build.Dense(slot.Rows, slot.Columns, slot.Of(theta).ToArray());
}

using AutoGrad.Compilation;
using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using AutoGrad.Runtime;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad;

/// <summary>
/// A compiled objective: one function computing the value and the requested gradients in one
/// forward and one backward sweep. After the first call at a given size, a call through the
/// array overload allocates nothing. It may be called from several threads at once: each thread
/// keeps its own work buffers.
/// </summary>
public sealed class CompiledObjective
{
    private readonly Signature _signature;
    private readonly CompiledKernel _kernel;
    private readonly IReadOnlyList<Shape> _workShapes;
    private readonly int[] _wrtIndex;
    private readonly ThreadLocal<Workspace> _workspaces;

    internal CompiledObjective(Signature signature, IReadOnlyList<string> wrt, Node[] roots, IBlas blas)
    {
        _signature = signature;
        Wrt = wrt;
        _wrtIndex = [.. wrt.Select(signature.IndexOf)];
        Compiler.Result result = Compiler.Compile(signature, roots, blas);
        _kernel = result.Kernel;
        _workShapes = result.WorkShapes;
        MatrixProducts = result.Products;
        Backend = blas.Name;
        _workspaces = new ThreadLocal<Workspace>(() => new Workspace(this));
    }

    /// <summary>The variables, in the order the array overload takes them (ordinal by name).</summary>
    public IReadOnlyList<string> Variables => [.. _signature.Inputs.Select(i => i.Name)];

    /// <summary>The declared shape of each variable, in <see cref="Variables"/> order.</summary>
    public IReadOnlyList<Shape> Shapes => [.. _signature.Inputs.Select(i => i.Shape)];

    /// <summary>The named sizes, which the array overload needs when shapes use them.</summary>
    public IReadOnlyList<string> Dimensions => _signature.Dims;

    /// <summary>The variables whose gradients are computed, in order.</summary>
    public IReadOnlyList<string> Wrt { get; }

    /// <summary>The number of matrix products (GEMM calls) one evaluation performs.</summary>
    public int MatrixProducts { get; }

    /// <summary>The BLAS backend the products run on (<c>openblas</c> or <c>managed</c>).</summary>
    public string Backend { get; }

    /// <summary>
    /// Evaluates with column-major arrays: <paramref name="inputs"/> in <see cref="Variables"/>
    /// order, <paramref name="gradients"/> (or null for the value alone) in <see cref="Wrt"/>
    /// order, and the named sizes in <paramref name="dims"/> when the shapes use them.
    /// </summary>
    /// <returns>The objective's value.</returns>
    /// <exception cref="AutoGradException">An array is missing or has the wrong length.</exception>
    public double Evaluate(double[][] inputs, double[][]? gradients, IReadOnlyDictionary<string, int>? dims = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Workspace workspace = _workspaces.Value!;
        int[] dimValues = workspace.DimsFor(dims);
        double[][] work = workspace.Prepare(dimValues);
        CheckLengths("input", inputs, workspace.InputLengths, _signature.Inputs.Count, -1);
        double[][] outputs = gradients ?? workspace.ScratchOutputs();
        CheckLengths("gradient", outputs, workspace.GradientLengths, _wrtIndex.Length, 0);
        return _kernel(inputs, outputs, dimValues, work);
    }

    /// <summary>
    /// Evaluates with MathNet matrices bound by name, writing each gradient into the dense
    /// matrix of that name in <paramref name="gradients"/> when given.
    /// </summary>
    public double Evaluate(
        IReadOnlyDictionary<string, Matrix<double>> values,
        IReadOnlyDictionary<string, Matrix<double>>? gradients = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (string name in values.Keys.Where(n => _signature.IndexOf(n) < 0))
        {
            throw Errors.UnknownInput(name, Variables);
        }
        int[] dimValues = _signature.Resolve(i => values.TryGetValue(_signature.Inputs[i].Name, out var m)
            ? (m.RowCount, m.ColumnCount) : null, null);
        var dims = _signature.Dims.Select((d, i) => (d, dimValues[i])).ToDictionary(p => p.d, p => p.Item2);
        double[][] inputs = [.. _signature.Inputs.Select(i => ColumnMajor(values[i.Name]))];
        double[][]? outputs = gradients is null ? null : [.. Wrt.Select(w => Storage(gradients, w))];
        return Evaluate(inputs, outputs, dims);
    }

    /// <summary>The value and new matrices holding the gradients, keyed by variable name.</summary>
    public (double Value, IReadOnlyDictionary<string, Matrix<double>> Gradients) EvaluateWithGradients(
        IReadOnlyDictionary<string, Matrix<double>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var gradients = new Dictionary<string, Matrix<double>>();
        foreach (string w in Wrt)
        {
            Matrix<double> v = values.TryGetValue(w, out var m)
                ? m
                : throw Errors.MissingBinding(w, _signature.Inputs[_signature.IndexOf(w)].Shape);
            gradients[w] = Matrix<double>.Build.Dense(v.RowCount, v.ColumnCount);
        }
        double value = Evaluate(values, gradients);
        return (value, gradients);
    }

    private static double[] ColumnMajor(Matrix<double> m) =>
        m.AsColumnMajorArray() ?? m.ToColumnMajorArray();

    private static double[] Storage(IReadOnlyDictionary<string, Matrix<double>> gradients, string name)
    {
        if (!gradients.TryGetValue(name, out var m))
        {
            throw Errors.Plain(ErrorKind.Binding, $"no gradient matrix is given for '{name}'");
        }
        return m.AsColumnMajorArray()
            ?? throw Errors.Plain(ErrorKind.Binding, $"the gradient matrix for '{name}' must be dense");
    }

    // Each array must have exactly the entries its variable's shape has under these sizes.
    private void CheckLengths(string what, double[][] arrays, long[] lengths, int count, int wrt)
    {
        if (arrays.Length != count)
        {
            throw Errors.ArrayCount(what, count, arrays.Length);
        }
        for (int i = 0; i < count; i++)
        {
            if (arrays[i] is null || arrays[i].Length != lengths[i])
            {
                var (name, shape) = _signature.Inputs[wrt < 0 ? i : _wrtIndex[i]];
                throw Errors.BufferLength(what, name, shape, lengths[i], arrays[i]?.Length ?? 0);
            }
        }
    }

    internal long EntryCount(Shape shape, int[] dims) =>
        shape.Count.Evaluate(s => dims[IndexOfDim(s)]);

    private int IndexOfDim(string symbol)
    {
        for (int d = 0; d < _signature.Dims.Count; d++)
        {
            if (_signature.Dims[d] == symbol)
            {
                return d;
            }
        }
        return -1;
    }

    // One thread's buffers: the work arrays for intermediates, sized for the last sizes seen.
    private sealed class Workspace(CompiledObjective owner)
    {
        private readonly double[][] _work = new double[owner._workShapes.Count][];
        private int[]? _preparedFor;
        private double[][]? _scratch;
        private int[] _dims = new int[owner._signature.Dims.Count];

        public int[] DimsFor(IReadOnlyDictionary<string, int>? given)
        {
            var names = owner._signature.Dims;
            for (int d = 0; d < names.Count; d++)
            {
                if (given is null || !given.TryGetValue(names[d], out int v))
                {
                    throw Errors.UnboundDimension(names[d]);
                }
                if (v < 1 || v > Limits.MaxDimension)
                {
                    throw Errors.BadDimensionValue(names[d], v);
                }
                _dims[d] = v;
            }
            return _dims;
        }

        public long[] InputLengths { get; } = new long[owner._signature.Inputs.Count];

        public long[] GradientLengths { get; } = new long[owner._wrtIndex.Length];

        // Sizes the work buffers and the expected array lengths for these sizes; nothing is
        // recomputed or allocated while the sizes stay the same.
        public double[][] Prepare(int[] dims)
        {
            if (_preparedFor is not null && _preparedFor.AsSpan().SequenceEqual(dims))
            {
                return _work;
            }
            for (int s = 0; s < _work.Length; s++)
            {
                long length = owner.EntryCount(owner._workShapes[s], dims);
                if (length > Limits.MaxEntries)
                {
                    throw Errors.TooLarge($"an intermediate of shape {owner._workShapes[s]}", length);
                }
                if (_work[s] is null || _work[s].Length < length)
                {
                    _work[s] = new double[length];
                }
            }
            for (int i = 0; i < InputLengths.Length; i++)
            {
                InputLengths[i] = owner.EntryCount(owner._signature.Inputs[i].Shape, dims);
            }
            for (int i = 0; i < GradientLengths.Length; i++)
            {
                GradientLengths[i] = InputLengths[owner._wrtIndex[i]];
            }
            _preparedFor = [.. dims];
            _scratch = null;
            return _work;
        }

        public double[][] ScratchOutputs() =>
            _scratch ??= [.. GradientLengths.Select(length => new double[length])];
    }
}

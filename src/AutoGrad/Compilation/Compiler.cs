using System.Linq.Expressions;
using AutoGrad.Graph;
using AutoGrad.Ops;
using AutoGrad.Runtime;

namespace AutoGrad.Compilation;

/// <summary>
/// Compiles a value root and its gradient roots into one <see cref="CompiledKernel"/> through
/// System.Linq.Expressions. The plan: every node is either stored in a buffer or fused into the
/// loop of the one node that reads it. Chains of elementwise operations, expansions and
/// transposes fuse into one loop, as do the sums and norms that end them; products run as one
/// GEMM call each, with transposed operands passed as flags and a scalar factor as alpha.
/// Sizes are read from the named-size array at call time, so one kernel serves every size.
/// </summary>
internal sealed partial class Compiler
{
    private readonly Signature _signature;
    private readonly IReadOnlyList<Node> _roots;
    private readonly IBlas _blas;
    private readonly List<Node> _order;
    private readonly Dictionary<Node, int> _uses = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Node, int> _readers = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Node> _inlined = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<Node> _absorbed = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Node, ParameterExpression> _buffers = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Node, Node[]> _accumulated = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Node, int> _outputOf = new(ReferenceEqualityComparer.Instance);
    private readonly List<Shape> _workShapes = [];
    private readonly List<ParameterExpression> _locals = [];
    private readonly List<Expression> _body = [];
    private readonly ParameterExpression _inputs = Expression.Parameter(typeof(double[][]), "inputs");
    private readonly ParameterExpression _outputs = Expression.Parameter(typeof(double[][]), "outputs");
    private readonly ParameterExpression _dims = Expression.Parameter(typeof(int[]), "dims");
    private readonly ParameterExpression _work = Expression.Parameter(typeof(double[][]), "work");
    private readonly ParameterExpression[] _dimLocals;
    private int _products;

    private Compiler(Signature signature, IReadOnlyList<Node> roots, IBlas blas)
    {
        _signature = signature;
        _roots = roots;
        _blas = blas;
        _order = Topology.Order(roots);
        _dimLocals = [.. signature.Dims.Select(d => Expression.Variable(typeof(int), "dim_" + d))];
    }

    /// <summary>The result of compiling: the kernel and what its host must provide.</summary>
    public sealed record Result(CompiledKernel Kernel, IReadOnlyList<Shape> WorkShapes, int Products);

    /// <summary>
    /// Compiles roots[0], a 1x1 value, and roots[1..], the gradients of the variables in
    /// <paramref name="signature"/> order given by the caller.
    /// </summary>
    public static Result Compile(Signature signature, IReadOnlyList<Node> roots, IBlas blas)
    {
        var compiler = new Compiler(signature, roots, blas);
        compiler.Plan();
        CompiledKernel kernel = compiler.Emit();
        return new Result(kernel, compiler._workShapes, compiler._products);
    }

    private CompiledKernel Emit()
    {
        for (int d = 0; d < _dimLocals.Length; d++)
        {
            _body.Add(Expression.Assign(_dimLocals[d], Expression.ArrayIndex(_dims, Expression.Constant(d))));
        }
        PlanLifetimes();
        for (int p = 0; p < _order.Count; p++)
        {
            EmitNode(_order[p]);
            Release(p);
        }
        for (int r = 1; r < _roots.Count; r++)
        {
            EmitOutputCopy(_roots[r], r - 1);
        }
        _body.Add(Expression.ArrayIndex(_buffers[_roots[0]], Expression.Constant(0)));

        var block = Expression.Block(typeof(double), _dimLocals.Concat(_buffers.Values).Concat(_locals), _body);
        var lambda = Expression.Lambda<CompiledKernel>(block, "objective", [_inputs, _outputs, _dims, _work]);
        return lambda.Compile();
    }

    private void EmitNode(Node node)
    {
        if (_inlined.Contains(node) || _absorbed.Contains(node) || !_buffers.ContainsKey(node))
        {
            return;
        }
        ParameterExpression buffer = _buffers[node];
        switch (node.Op)
        {
            case Variable v:
                var index = Expression.Constant(_signature.IndexOf(v.VariableName));
                _body.Add(Expression.Assign(buffer, Expression.ArrayIndex(_inputs, index)));
                return;
            case Reshape:
                _body.Add(Expression.Assign(buffer, _buffers[node.Inputs[0]]));
                return;
        }
        _body.Add(Expression.Assign(buffer, BufferSource(node)));
        switch (node.Op)
        {
            case MatMul:
                EmitProduct(node, Expression.Constant(1.0), buffer, beta: 0);
                break;
            case Multiply when IsAbsorbingProduct(node):
                EmitProduct(node.Inputs[1], Value(node.Inputs[0], Coord.Scalar), buffer, beta: 0);
                break;
            case Add or Subtract when _accumulated.TryGetValue(node, out Node[]? products):
                EmitAccumulation(node, products, buffer);
                break;
            case Sum sum:
                EmitSum(node, sum.Dim, buffer);
                break;
            case Norm:
                EmitNorm(node, buffer);
                break;
            case Trace:
                EmitTrace(node, buffer);
                break;
            case LogSumExp l:
                EmitLogSumExp(node, l.Dim, buffer);
                break;
            case Prod p:
                EmitKernel(node, buffer, p.Dim);
                break;
            case Extremum e:
                EmitKernel(node, buffer, e.Dim, e.Largest);
                break;
            case Det or DiagOf or DiagMatrix or SpectralNorm or NuclearNorm:
                EmitKernel(node, buffer);
                break;
            case Polar p:
                EmitKernel(node, buffer, p.RankOne);
                break;
            case Repmat or Repelem:
                EmitKernel(node, buffer, node.Shape.Rows, node.Shape.Cols);
                break;
            case Inverse or LogDet or Solve:
                EmitKernel(node, buffer, Factorization.Subject(node.Inputs[0]));
                break;
            default:
                EmitElementwise(node, buffer);
                break;
        }
    }

    private Expression BufferSource(Node node)
    {
        if (_outputOf.TryGetValue(node, out int output))
        {
            return Expression.ArrayIndex(_outputs, Expression.Constant(output));
        }
        return Expression.ArrayIndex(_work, Expression.Constant(TakeSlot(node)));
    }

    // A gradient whose node is not written straight into its output array is copied there.
    private void EmitOutputCopy(Node root, int output)
    {
        if (_outputOf.TryGetValue(root, out int assigned) && assigned == output)
        {
            return;
        }
        var target = Expression.ArrayIndex(_outputs, Expression.Constant(output));
        var copy = typeof(Kernels).GetMethod(nameof(Kernels.Copy))!;
        _body.Add(Expression.Call(copy, _buffers[root], target, Count(root.Shape)));
    }

    /// <summary>The number of entries of a shape, as an int expression over the named sizes.</summary>
    private Expression Count(Shape shape) => Size(shape.Count);

    private Expression Size(Dim dim)
    {
        Expression size = Expression.Constant((int)dim.Coefficient);
        foreach (string symbol in dim.SymbolList())
        {
            int d = _signature.Dims.ToList().IndexOf(symbol);
            size = dim.Coefficient == 1 && size is ConstantExpression
                ? _dimLocals[d]
                : Expression.Multiply(size, _dimLocals[d]);
        }
        return size;
    }
}

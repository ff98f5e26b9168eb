using AutoGrad.Compilation;
using AutoGrad.Diagnostics;
using AutoGrad.Differentiation;
using AutoGrad.Graph;
using AutoGrad.Simplification;
using AutoGrad.Syntax;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad;

/// <summary>
/// An objective parsed from text into a graph with every shape checked: the entry point of the
/// library. Differentiate it to see its gradient as formulas, or compile it into a function that
/// computes its value and gradients together.
/// </summary>
/// <example>
/// <code>
/// var f = Objective.Parse("W: k x n; x: n x m; norm(W'*W*x - x,'fro')^2");
/// Console.WriteLine(f.Differentiate("W").Formula("W"));
/// CompiledObjective compiled = f.Compile("W");
/// </code>
/// </example>
public sealed partial class Objective
{
    private readonly BoundProgram _program;
    private readonly Node _unordered;
    private readonly IReadOnlyDictionary<string, long> _sizeHints;

    private Objective(string text, BoundProgram program, Node unordered,
        IReadOnlyDictionary<string, long> sizeHints)
    {
        Text = text;
        _program = program;
        _unordered = unordered;
        _sizeHints = sizeHints;
        Node = Order(program.Graph, [unordered], rightToLeft: false, SizeOf)[0];
        Variables = program.Variables.ToDictionary(v => v.Key, v => v.Value.Shape);
    }

    /// <summary>
    /// The same objective, with the products of its value and gradients ordered for these
    /// values of its named sizes (the rest count as 100). One compiled function still serves
    /// every size; only the order of its products is chosen for these.
    /// </summary>
    public Objective WithSizeHints(IReadOnlyDictionary<string, long> sizes)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        return Runtime.DeepStack.Run(() => new Objective(Text, _program, _unordered, sizes));
    }

    /// <summary>The text the objective was parsed from.</summary>
    public string Text { get; }

    /// <summary>The objective's graph, after the rewrites that precede differentiation.</summary>
    public Node Node { get; }

    /// <summary>The variables the objective reads, with their shapes.</summary>
    public IReadOnlyDictionary<string, Shape> Variables { get; }

    /// <summary>The named sizes used in the variables' shapes.</summary>
    public IReadOnlyList<string> Dimensions => _program.DimSymbols;

    internal Graph.Graph Graph => _program.Graph;

    /// <summary>
    /// Parses and checks <paramref name="text"/>. Shapes come from declarations in the text
    /// (<c>A: n x k</c>) and from <paramref name="options"/>.
    /// </summary>
    /// <exception cref="AutoGradException">The text or a shape in it is wrong.</exception>
    public static Objective Parse(string text, ObjectiveOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Runtime.DeepStack.Run(() =>
        {
            var source = new SourceText(text);
            var program = Binder.Bind(Parser.Parse(source), options ?? new ObjectiveOptions());
            Node unordered = Simplifier.Run(program.Graph, Passes.Prepare, [program.Objective])[0];
            return new Objective(text, program, unordered, new Dictionary<string, long>());
        });
    }

    /// <summary>
    /// The gradient of the objective with respect to each of <paramref name="wrt"/>, as graphs
    /// and formulas. A variable the objective does not read has a zero gradient.
    /// </summary>
    /// <exception cref="AutoGradException">A name in <paramref name="wrt"/> is not a variable.</exception>
    public GradientGraph Differentiate(params string[] wrt) =>
        Runtime.DeepStack.Run(() => DifferentiateOnThisStack(wrt));

    private GradientGraph DifferentiateOnThisStack(string[] wrt)
    {
        ArgumentNullException.ThrowIfNull(wrt);
        if (wrt.GroupBy(w => w).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw Errors.DuplicateWrt(twice.Key);
        }
        Node[] variables = [.. wrt.Select(VariableNode)];
        Node[]? best = null;
        foreach (bool rightToLeft in (bool[])[false, true])
        {
            Node value = Order(Graph, [_unordered], rightToLeft, SizeOf)[0];
            Node[] gradients = ReverseMode.Gradients(Graph, value, variables);
            Node[] roots = Order(Graph, [value, .. gradients], rightToLeft: false, SizeOf);
            if (best is null || ProductChains.Cost(roots, SizeOf) < ProductChains.Cost(best, SizeOf))
            {
                best = roots;
            }
        }
        return new GradientGraph(best![0], wrt, best[1..]);
    }

    /// <summary>
    /// The product of the Hessian with respect to <paramref name="wrt"/> with a direction: the
    /// gradient graph differentiated again, in a new variable of <paramref name="wrt"/>'s shape
    /// named <c>v</c> (or <c>v1</c>, <c>v2</c>, ... when the objective uses that name).
    /// </summary>
    /// <exception cref="AutoGradException">
    /// <paramref name="wrt"/> is not a variable, or an op on the way has no second derivative.
    /// </exception>
    public HessianVectorGraph HessianVector(string wrt) =>
        Runtime.DeepStack.Run(() =>
        {
            var (product, direction) = HessianVectorOnThisStack(wrt);
            return new HessianVectorGraph(product, wrt, direction.Op.Name);
        });

    /// <summary>
    /// The n x n Hessian with respect to the n x 1 variable <paramref name="wrt"/>, as a graph:
    /// the Hessian-vector product with the direction replaced by eye(n), which is exact when the
    /// direction enters the product column by column.
    /// </summary>
    /// <exception cref="AutoGradException">
    /// <paramref name="wrt"/> is not a column, or the product mixes the direction's columns
    /// (<see cref="ErrorKind.NotSupported"/>; use <see cref="HessianVector"/>).
    /// </exception>
    public Node Hessian(string wrt) =>
        Runtime.DeepStack.Run(() =>
        {
            Node x = VariableNode(wrt);
            if (!x.Shape.Cols.IsOne)
            {
                throw Errors.NotSupported($"the Hessian with respect to the {x.Shape} matrix {wrt}",
                    $"HessianVector(\"{wrt}\") for its products with a direction, or a column "
                    + "variable", null, default);
            }
            var (product, direction) = HessianVectorOnThisStack(wrt);
            Node hessian = Differentiation.Hessian.Matrix(Graph, product, direction, wrt);
            return Simplifier.Run(Graph, Passes.Algebra, [hessian])[0];
        });

    private (Node Product, Node Direction) HessianVectorOnThisStack(string wrt)
    {
        Node x = VariableNode(wrt);
        Node gradient = DifferentiateOnThisStack([wrt]).Node(wrt);
        string name = Enumerable.Range(0, int.MaxValue).Select(i => i == 0 ? "v" : $"v{i}")
            .First(n => !Variables.ContainsKey(n) && !Dimensions.Contains(n));
        Node direction = Graph.Leaf(new Ops.Variable(name), x.Shape, x.Span);
        Node product = Differentiation.Hessian.Product(Graph, gradient, x, direction);
        return (Order(Graph, [product], rightToLeft: false, SizeOf)[0], direction);
    }

    /// <summary>
    /// Compiles the value and the gradients with respect to <paramref name="wrt"/> into one
    /// function; with no names, the value alone.
    /// </summary>
    public CompiledObjective Compile(params string[] wrt) =>
        Runtime.DeepStack.Run(() => CompileOnThisStack(wrt));

    private CompiledObjective CompileOnThisStack(string[] wrt)
    {
        GradientGraph gradient = Differentiate(wrt);
        var signature = new Signature(
            [.. Variables.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => (v.Key, v.Value))],
            Dimensions);
        Node[] roots = ProductTwins.Run(Graph, [gradient.Value, .. wrt.Select(gradient.Node)]);
        return new CompiledObjective(signature, wrt, roots, Runtime.Blas.Current);
    }

    /// <summary>The objective's value by the reference interpreter: slow, for checking.</summary>
    public double Interpret(IReadOnlyDictionary<string, Matrix<double>> values)
    {
        int[] dims = ResolveDims(values);
        return Interpreter.Evaluate([Node], name => values[name], DimLookup(dims))[0][0, 0];
    }

    internal Func<string, long> DimLookup(int[] dims) =>
        name => dims[_program.DimSymbols.ToList().IndexOf(name)];

    internal int[] ResolveDims(IReadOnlyDictionary<string, Matrix<double>> values)
    {
        var signature = new Signature([.. Variables.Select(v => (v.Key, v.Value))], Dimensions);
        return signature.Resolve(i => values.TryGetValue(signature.Inputs[i].Name, out var m)
            ? (m.RowCount, m.ColumnCount) : null, null);
    }

    private Node VariableNode(string name)
    {
        if (_program.Variables.TryGetValue(name, out Node? node))
        {
            return node;
        }
        throw Errors.UnknownWrt(name, Variables.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The named sizes that matrices of these sizes show, read off the declared shapes wherever
    /// a side is a single name (<c>n</c>, not <c>n*k</c>).
    /// </summary>
    public IReadOnlyDictionary<string, long> SizesOf(
        IEnumerable<(string Name, int Rows, int Cols)> bound)
    {
        var sizes = new Dictionary<string, long>();
        foreach (var (name, rows, cols) in bound)
        {
            if (Variables.TryGetValue(name, out Shape shape))
            {
                foreach (var (dim, size) in new[] { (shape.Rows, rows), (shape.Cols, cols) })
                {
                    if (!dim.IsKnown && dim.Coefficient == 1 && !dim.Symbols.Contains('*'))
                    {
                        sizes[dim.Symbols] = size;
                    }
                }
            }
        }
        return sizes;
    }

    private long SizeOf(string name) =>
        _sizeHints.TryGetValue(name, out long size) ? size : ProductChains.AssumedSize;

    // The products of the objective are ordered before differentiating, by their own cost or
    // from the right; Differentiate keeps whichever makes value and gradients cheaper together.
    // The gradients' own products are then ordered by cost.
    private static Node[] Order(
        Graph.Graph graph, Node[] roots, bool rightToLeft, Func<string, long> sizeOf)
    {
        Node[] ordered = ProductChains.Run(graph, roots, rightToLeft, sizeOf);
        return Simplifier.Run(graph, Passes.Algebra, ordered);
    }
}

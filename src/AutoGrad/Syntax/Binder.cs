using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Syntax;

/// <summary>
/// Turns a syntax tree into a graph: resolves names, applies MATLAB's meaning to each operator
/// (<c>*</c> with a scalar side scales), and checks every shape as it builds. Names resolve in
/// this order: intermediates assigned earlier, declared or bound variables, constants bound at
/// compile time, named sizes, and last the built-in constants (<c>pi</c>, <c>eps</c>, <c>Inf</c>,
/// <c>NaN</c>), so a name the user binds shadows a built-in.
/// </summary>
internal sealed partial class Binder
{
    private static readonly Dictionary<string, double> BuiltinConstants = new()
    {
        ["pi"] = Math.PI,
        ["eps"] = Math.Pow(2, -52),
        ["Inf"] = double.PositiveInfinity,
        ["inf"] = double.PositiveInfinity,
        ["NaN"] = double.NaN,
        ["nan"] = double.NaN,
    };

    private readonly ObjectiveOptions _options;
    private readonly SourceText _source;
    private readonly Graph.Graph _graph;
    private readonly Dictionary<string, Node> _assigned = [];
    private readonly Dictionary<string, Shape> _shapes = [];
    private readonly Dictionary<string, Node> _variables = [];
    private readonly List<string> _dims = [];

    private Binder(ProgramSyntax program, ObjectiveOptions options)
    {
        _options = options;
        _source = program.Source;
        _graph = new Graph.Graph(program.Source);
        foreach (var (name, shape) in options.Shapes)
        {
            if (!IsSize(shape.Rows) || !IsSize(shape.Cols))
            {
                throw Errors.BadBoundShape(name, shape, Limits.MaxDimension);
            }
            _shapes[name] = shape;
            foreach (string symbol in shape.Rows.SymbolList().Concat(shape.Cols.SymbolList()))
            {
                AddDim(symbol);
            }
        }
    }

    /// <summary>Binds <paramref name="program"/> under <paramref name="options"/>.</summary>
    public static BoundProgram Bind(ProgramSyntax program, ObjectiveOptions options) =>
        new Binder(program, options).BindProgram(program);

    private BoundProgram BindProgram(ProgramSyntax program)
    {
        if (program.Statements.Count == 0)
        {
            throw Errors.EmptyObjective();
        }

        Node? objective = null;
        Statement last = program.Statements[^1];
        foreach (Statement statement in program.Statements)
        {
            objective = BindStatement(statement, statement == last);
        }

        if (objective is null)
        {
            throw Errors.NoObjective(_source, last.Span);
        }
        if (!objective.Shape.IsScalar)
        {
            throw Errors.NotScalar("the objective", objective.Shape, _source, ObjectiveSpan(last));
        }
        // A declared variable the objective never reads still has a (zero) gradient.
        var unread = _shapes.Where(s => !_variables.ContainsKey(s.Key) && !_assigned.ContainsKey(s.Key));
        foreach (var (name, shape) in unread)
        {
            AddVariable(new NameExpr(name, SourceSpan.None), shape);
        }
        return new BoundProgram(_graph, objective, _variables, _dims);
    }

    private static SourceSpan ObjectiveSpan(Statement statement) => statement switch
    {
        Assignment a => a.Value.Span,
        _ => statement.Span,
    };

    private Node? BindStatement(Statement statement, bool isLast)
    {
        switch (statement)
        {
            case Declaration d:
                Declare(d);
                return null;
            case Assignment a:
                Node value = BindExpr(a.Value);
                _assigned[a.Name] = value;
                return value;
            case ExpressionStatement e when isLast:
                return BindExpr(e.Value);
            case ExpressionStatement e:
                throw Errors.ExpressionNotLast(_source, e.Span);
            default:
                throw new System.Diagnostics.UnreachableException();
        }
    }

    private void Declare(Declaration d)
    {
        var shape = new Shape(BindDim(d.Rows), BindDim(d.Cols));
        if (_assigned.ContainsKey(d.Name))
        {
            throw Errors.DeclaredAfterAssignment(d.Name, _source, d.NameSpan);
        }
        // A symbolic declaration stays general when data is bound too; the call checks the data.
        if (_shapes.TryGetValue(d.Name, out Shape bound) && bound != shape && shape.IsKnown)
        {
            throw Errors.DeclarationConflict(d.Name, shape, bound, _source, d.NameSpan);
        }
        _shapes[d.Name] = shape;
    }

    private Dim BindDim(IReadOnlyList<Expr> factors)
    {
        Dim dim = Dim.One;
        foreach (Expr factor in factors)
        {
            dim = dim.Times(BindDimFactor(factor));
        }
        return dim;
    }

    private Dim BindDimFactor(Expr factor)
    {
        switch (factor)
        {
            case NumberExpr n when IsSize(n.Value):
                return Dim.Of((long)n.Value);
            case NumberExpr n:
                throw Errors.BadSize(n.Value, Limits.MaxDimension, _source, n.Span);
            case NameExpr name when _options.Constants.TryGetValue(name.Name, out double value):
                return BindDimFactor(new NumberExpr(value, name.Span));
            case NameExpr name:
                AddDim(name.Name);
                return Dim.Symbol(name.Name);
            case BinaryExpr { Op: "*" } product:
                return BindDimFactor(product.Left).Times(BindDimFactor(product.Right));
            default:
                throw Errors.NotASize(_source, factor.Span);
        }
    }

    // A named size is checked when data gives its value.
    private static bool IsSize(Dim dim) =>
        !dim.IsKnown || IsSize(dim.Coefficient);

    private static bool IsSize(double value) =>
        value >= 1 && value <= Limits.MaxDimension && value == Math.Floor(value);

    private void AddDim(string symbol)
    {
        if (!_dims.Contains(symbol))
        {
            _dims.Add(symbol);
        }
    }
}

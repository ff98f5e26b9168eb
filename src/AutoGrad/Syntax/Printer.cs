using System.Globalization;
using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Syntax;

/// <summary>
/// Prints a graph as a formula in the objective language, with the fewest parentheses that keep
/// its meaning; the text parses back to an equal value. A product is printed without grouping
/// after a scalar factor (<c>2*A*B</c>), since scaling and products associate. Each node is
/// printed after its inputs, in topological order, so a deep graph cannot overflow the stack.
/// </summary>
public static class Printer
{
    // Precedence levels, loosest first; an operand printed below the level it needs is wrapped.
    private const int Comparison = 0, Additive = 1, Product = 2, Prefix = 3, Power = 4, Atom = 5;

    /// <summary>The formula for <paramref name="node"/>.</summary>
    /// <exception cref="AutoGradException">
    /// The formula would be longer than the parser accepts, so it could not be read back.
    /// </exception>
    public static string Print(Node node)
    {
        var done = new Dictionary<Node, Printed>(ReferenceEqualityComparer.Instance);
        foreach (Node next in Topology.Order([node]))
        {
            Printed printed = Format(next, done);
            // A graph that shares subexpressions can print exponentially long.
            if (printed.Text.Length > Lexer.MaxLength)
            {
                throw Errors.FormulaTooLong(Lexer.MaxLength);
            }
            done[next] = printed;
        }
        return done[node].Text;
    }

    private readonly record struct Printed(string Text, int Level);

    // Formats one node; the inputs of every node are already in done.
    private static Printed Format(Node node, Dictionary<Node, Printed> done) => node.Op switch
    {
        Variable v => new(v.VariableName, Atom),
        Constant c => FormatConstant(c.Value, node.Shape),
        DimValue d => new(d.Dim.ToString(), IsSingleFactor(d.Dim) ? Atom : Product),
        Identity => new($"eye({node.Shape.Rows})", Atom),
        Add => Infix(node, done, " + ", Additive),
        Subtract => Infix(node, done, " - ", Additive),
        Multiply => FormatMultiply(node, done),
        Divide => Infix(node, done, node.Inputs[1].Shape.IsScalar ? "/" : "./", Product),
        Ops.Power => FormatPower(node, done),
        Compare c => Infix(node, done, $" {c.Symbol} ", Comparison),
        Transpose => new(Operand(node.Inputs[0], done, Atom) + "'", Atom),
        MatMul => Infix(node, done, "*", Product),
        UnaryFunction f => Call(f.Name, done, node.Inputs[0]),
        Maximum or Minimum => Call(node.Op.Name, done, node.Inputs[0], node.Inputs[1]),
        Sum s => FormatReduction("sum", s.Dim, done[node.Inputs[0]]),
        LogSumExp l => FormatReduction("logsumexp", l.Dim, done[node.Inputs[0]]),
        Prod p => FormatReduction("prod", p.Dim, done[node.Inputs[0]]),
        Extremum e => FormatReduction(e.Name, e.Dim, done[node.Inputs[0]], "[],"),
        Norm => new($"norm({done[node.Inputs[0]].Text},'fro')", Atom),
        SpectralNorm => new($"norm({done[node.Inputs[0]].Text},2)", Atom),
        NuclearNorm => new($"norm({done[node.Inputs[0]].Text},'nuc')", Atom),
        Polar => Call(node.Op.Name, done, node.Inputs[0]),
        Trace => Call("trace", done, node.Inputs[0]),
        Inverse or Det or LogDet or DiagOf or DiagMatrix =>
            Call(node.Op.Name, done, node.Inputs[0]),
        Solve => FormatSolve(node, done),
        Repmat r => FormatRepeat("repmat", r.Down, r.Across, done[node.Inputs[0]]),
        Repelem r => FormatRepeat("repelem", r.Down, r.Across, done[node.Inputs[0]]),
        Reshape r => FormatReshape(r, node.Inputs[0], done),
        Broadcast b => FormatBroadcast(b, node.Inputs[0], done),
        _ => throw new System.Diagnostics.UnreachableException(node.Op.GetType().Name),
    };

    private static bool IsSingleFactor(Dim dim) =>
        dim.IsKnown || (dim.Coefficient == 1 && !dim.Symbols.Contains('*'));

    private static Printed FormatConstant(double value, Shape shape)
    {
        string number = FormatNumber(value);
        int level = value < 0 ? Prefix : Atom;
        if (shape.IsScalar)
        {
            return new(number, level);
        }
        string size = $"({shape.Rows},{shape.Cols})";
        return value switch
        {
            0 => new("zeros" + size, Atom),
            1 => new("ones" + size, Atom),
            _ => new($"{number}*ones{size}", Product),
        };
    }

    /// <summary>A number in the shortest form that reads back to the same double.</summary>
    public static string FormatNumber(double value) => value switch
    {
        double.PositiveInfinity => "Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static Printed Infix(Node node, Dictionary<Node, Printed> done, string op, int level) =>
        new(Operand(node.Inputs[0], done, level) + op + Operand(node.Inputs[1], done, level + 1),
            level);

    private static Printed FormatMultiply(Node node, Dictionary<Node, Printed> done)
    {
        Node a = node.Inputs[0], b = node.Inputs[1];
        if (!a.Shape.IsScalar && !b.Shape.IsScalar)
        {
            return Infix(node, done, ".*", Product);
        }
        // Only a scalar on the left may skip the grouping of what follows: c*A*B is (c*A)*B.
        bool groupsFreely = a.Shape.IsScalar
            && (b.Op is MatMul || (b.Op is Multiply && b.Inputs[0].Shape.IsScalar));
        int rightLevel = groupsFreely ? Product : Prefix + 1;
        if (Constant.Is(a, -1) && a.Shape.IsScalar)
        {
            return new("-" + Operand(b, done, groupsFreely ? Product : Power),
                groupsFreely ? Product : Prefix);
        }
        return new(Operand(a, done, Product) + "*" + Operand(b, done, rightLevel), Product);
    }

    private static Printed FormatPower(Node node, Dictionary<Node, Printed> done)
    {
        Node a = node.Inputs[0], p = node.Inputs[1];
        string op = a.Shape.IsScalar && p.Shape.IsScalar ? "^" : ".^";
        return new(Operand(a, done, Power) + op + Operand(p, done, Atom), Power);
    }

    private static Printed FormatReduction(string name, int reduced, Printed x, string gap = "")
    {
        string dim = reduced == 0 ? "'all'" : reduced.ToString(CultureInfo.InvariantCulture);
        return new($"{name}({x.Text},{gap}{dim})", Atom);
    }

    // Always parenthesized: c*(A\B) written c*A\B would read as (c*A)\B.
    private static Printed FormatSolve(Node node, Dictionary<Node, Printed> done) =>
        new($"({Infix(node, done, "\\", Product).Text})", Atom);

    private static Printed FormatRepeat(string name, Dim down, Dim across, Printed x) =>
        new($"{name}({x.Text},{down},{across})", Atom);

    private static Printed FormatReshape(Reshape reshape, Node x, Dictionary<Node, Printed> done)
    {
        Shape target = reshape.Target;
        if (x.Op is Variable v && target.Cols.IsOne)
        {
            return new(v.VariableName + "(:)", Atom);
        }
        return new($"reshape({done[x].Text},{target.Rows},{target.Cols})", Atom);
    }

    private static Printed FormatBroadcast(
        Broadcast broadcast, Node x, Dictionary<Node, Printed> done)
    {
        Shape target = broadcast.Target;
        string op = x.Shape.IsScalar ? "*" : ".*";
        return new($"{Operand(x, done, Product)}{op}ones({target.Rows},{target.Cols})", Product);
    }

    private static Printed Call(string name, Dictionary<Node, Printed> done, params Node[] args) =>
        new($"{name}({string.Join(", ", args.Select(a => done[a].Text))})", Atom);

    private static string Operand(Node node, Dictionary<Node, Printed> done, int needed)
    {
        Printed printed = done[node];
        return printed.Level >= needed ? printed.Text : "(" + printed.Text + ")";
    }
}

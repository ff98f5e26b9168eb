using System.Globalization;
using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Syntax;

/// <summary>
/// Prints a graph as a formula in the objective language, with the fewest parentheses that keep
/// its meaning; the text parses back to an equal value. A product is printed without grouping
/// after a scalar factor (<c>2*A*B</c>), since scaling and products associate.
/// </summary>
public static class Printer
{
    // Precedence levels, loosest first; an operand printed below the level it needs is wrapped.
    private const int Comparison = 0, Additive = 1, Product = 2, Prefix = 3, Power = 4, Atom = 5;

    /// <summary>The formula for <paramref name="node"/>.</summary>
    public static string Print(Node node) => Format(node).Text;

    private readonly record struct Printed(string Text, int Level);

    private static Printed Format(Node node) => node.Op switch
    {
        Variable v => new(v.VariableName, Atom),
        Constant c => FormatConstant(c.Value, node.Shape),
        DimValue d => new(d.Dim.ToString(), IsSingleFactor(d.Dim) ? Atom : Product),
        Identity => new($"eye({node.Shape.Rows})", Atom),
        Add => Infix(node, " + ", Additive),
        Subtract => Infix(node, " - ", Additive),
        Multiply => FormatMultiply(node),
        Divide => Infix(node, node.Inputs[1].Shape.IsScalar ? "/" : "./", Product),
        Ops.Power => FormatPower(node),
        Compare c => Infix(node, $" {c.Symbol} ", Comparison),
        Transpose => new(Operand(node.Inputs[0], Atom) + "'", Atom),
        MatMul => Infix(node, "*", Product),
        UnaryFunction f => Call(f.Name, node.Inputs[0]),
        Maximum or Minimum => Call(node.Op.Name, node.Inputs[0], node.Inputs[1]),
        Sum s => FormatSum(s, node.Inputs[0]),
        Norm => new($"norm({Print(node.Inputs[0])},'fro')", Atom),
        Trace => Call("trace", node.Inputs[0]),
        Reshape r => FormatReshape(r, node.Inputs[0]),
        Broadcast b => FormatBroadcast(b, node.Inputs[0]),
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

    private static Printed Infix(Node node, string op, int level) =>
        new(Operand(node.Inputs[0], level) + op + Operand(node.Inputs[1], level + 1), level);

    private static Printed FormatMultiply(Node node)
    {
        Node a = node.Inputs[0], b = node.Inputs[1];
        if (!a.Shape.IsScalar && !b.Shape.IsScalar)
        {
            return Infix(node, ".*", Product);
        }
        bool groupsFreely = b.Op is MatMul || b.Op is Multiply && b.Inputs[0].Shape.IsScalar;
        int rightLevel = groupsFreely ? Product : Prefix + 1;
        if (Constant.Is(a, -1) && a.Shape.IsScalar)
        {
            return new("-" + Operand(b, groupsFreely ? Product : Power), groupsFreely ? Product : Prefix);
        }
        return new(Operand(a, Product) + "*" + Operand(b, rightLevel), Product);
    }

    private static Printed FormatPower(Node node)
    {
        Node a = node.Inputs[0], p = node.Inputs[1];
        string op = a.Shape.IsScalar && p.Shape.IsScalar ? "^" : ".^";
        return new(Operand(a, Power) + op + Operand(p, Atom), Power);
    }

    private static Printed FormatSum(Sum sum, Node x)
    {
        string dim = sum.Dim == 0 ? "'all'" : sum.Dim.ToString(CultureInfo.InvariantCulture);
        return new($"sum({Print(x)},{dim})", Atom);
    }

    private static Printed FormatReshape(Reshape reshape, Node x)
    {
        Shape target = reshape.Target;
        if (x.Op is Variable v && target.Cols.IsOne)
        {
            return new(v.VariableName + "(:)", Atom);
        }
        return new($"reshape({Print(x)},{target.Rows},{target.Cols})", Atom);
    }

    private static Printed FormatBroadcast(Broadcast broadcast, Node x)
    {
        Shape target = broadcast.Target;
        string op = x.Shape.IsScalar ? "*" : ".*";
        return new($"{Operand(x, Product)}{op}ones({target.Rows},{target.Cols})", Product);
    }

    private static Printed Call(string name, params Node[] args) =>
        new($"{name}({string.Join(", ", args.Select(Print))})", Atom);

    private static string Operand(Node node, int needed)
    {
        Printed printed = Format(node);
        return printed.Level >= needed ? printed.Text : "(" + printed.Text + ")";
    }
}

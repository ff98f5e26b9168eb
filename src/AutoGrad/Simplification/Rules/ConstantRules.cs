using AutoGrad.Graph;
using AutoGrad.Ops;
using static AutoGrad.Simplification.Rules.Patterns;

namespace AutoGrad.Simplification.Rules;

/// <summary>Rules that evaluate what is already known: operations on constants.</summary>
internal static class ConstantRules
{
    // f(c1, c2) -> c, for an elementwise f of constants (of one shape or expanding)
    public static Node? FoldElementwise(Builder b, Node n)
    {
        if (n.Op is not ElementwiseOp op || n.Inputs.Any(i => i.Op is not Constant))
        {
            return null;
        }
        double[] values = [.. n.Inputs.Select(i => ((Constant)i.Op).Value)];
        double result = op switch
        {
            UnaryFunction => op.Kernel.CreateDelegate<Func<double, double>>()(values[0]),
            _ => op.Kernel.CreateDelegate<Func<double, double, double>>()(values[0], values[1]),
        };
        return b.Fill(result, n.Shape);
    }

    // f(fill(c), X) -> f(c, X) when X alone has the result's shape
    public static Node? ScalarizeFill(Builder b, Node n)
    {
        if (n.Op is not BinaryElementwiseOp || n.Inputs.All(i => i.Op is Constant))
        {
            return null;
        }
        for (int side = 0; side < 2; side++)
        {
            Node fill = n.Inputs[side], other = n.Inputs[1 - side];
            if (fill.Op is Constant c && !fill.Shape.IsScalar && other.Shape == n.Shape)
            {
                Node[] inputs = InputsOf(n);
                inputs[side] = b.Const(c.Value);
                return b.Graph.Make(n.Op, n.Span, inputs);
            }
        }
        return null;
    }

    // sum(fill(c)) -> fill(c * count), when the count is known
    public static Node? FoldSum(Builder b, Node n)
    {
        if (n.Op is not Sum sum || n.Inputs[0].Op is not Constant c)
        {
            return null;
        }
        Shape x = n.Inputs[0].Shape;
        Dim count = sum.Dim switch { 1 => x.Rows, 2 => x.Cols, _ => x.Count };
        if (c.Value == 0 || count.IsKnown)
        {
            return b.Fill(c.Value * count.Coefficient, n.Shape);
        }
        return null;
    }

    // eye(1) -> 1
    public static Node? FoldScalarIdentity(Builder b, Node n) =>
        n.Op is Identity && n.Shape.IsScalar ? b.Const(1) : null;

    // fill(c)' -> fill(c);  eye' -> eye;  x' -> x for a 1x1 x
    public static Node? FoldTranspose(Builder b, Node n)
    {
        if (n.Op is not Transpose)
        {
            return null;
        }
        Node x = n.Inputs[0];
        return x.Op switch
        {
            Constant c => b.Fill(c.Value, n.Shape),
            Identity => x,
            _ => x.Shape.IsScalar ? x : null,
        };
    }

    // expand(c) -> fill(c);  expand(x to its own shape) -> x;  expand(expand(x)) -> expand(x)
    public static Node? FoldBroadcast(Builder b, Node n) =>
        n.Op is Broadcast target ? FoldReshaping(b, n, target.Target, b.Broadcast) : null;

    // reshape(fill(c)) -> fill(c);  reshape(x to its shape) -> x;  reshape(reshape(x)) -> reshape(x)
    public static Node? FoldReshape(Builder b, Node n) =>
        n.Op is Reshape target ? FoldReshaping(b, n, target.Target, b.Reshape) : null;

    // Expansion and reshape both only rearrange entries: a constant stays a constant, a no-op
    // goes, and two in a row are one.
    private static Node? FoldReshaping(Builder b, Node n, Shape target, Func<Node, Shape, Node> make)
    {
        Node x = n.Inputs[0];
        if (x.Shape == target)
        {
            return x;
        }
        return x.Op switch
        {
            Constant c => b.Fill(c.Value, n.Shape),
            _ when x.Op.GetType() == n.Op.GetType() => make(x.Inputs[0], target),
            _ => null,
        };
    }
}

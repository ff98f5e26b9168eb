using AutoGrad.Diagnostics;
using AutoGrad.Graph;

namespace AutoGrad.Ops;

/// <summary>
/// Short constructors for nodes that all carry one source span: derivative rules and rewrites
/// build their results with it, so every derived node still points at the user's text.
/// </summary>
internal readonly struct Builder(Graph.Graph graph, SourceSpan span)
{
    public Graph.Graph Graph => graph;

    public Node Const(double value) => graph.Leaf(new Constant(value), Shape.Scalar, span);

    public Node Fill(double value, Shape shape) => graph.Leaf(new Constant(value), shape, span);

    public Node Eye(Dim n) => graph.Leaf(new Identity(), new Shape(n, n), span);

    public Node Add(Node a, Node b) => graph.Make(new Add(), span, a, b);

    public Node Sub(Node a, Node b) => graph.Make(new Subtract(), span, a, b);

    public Node Mul(Node a, Node b) => graph.Make(new Multiply(), span, a, b);

    public Node Div(Node a, Node b) => graph.Make(new Divide(), span, a, b);

    public Node Pow(Node a, Node b) => graph.Make(new Power(), span, a, b);

    public Node Compare(Comparison kind, Node a, Node b) =>
        graph.Make(new Compare(kind), span, a, b);

    public Node Scale(double c, Node a) => Mul(Const(c), a);

    public Node Neg(Node a) => Scale(-1, a);

    public Node Apply(UnaryFunction f, Node a) => graph.Make(f, span, a);

    public Node T(Node a) => graph.Make(new Transpose(), span, a);

    public Node MatMul(Node a, Node b) => graph.Make(new MatMul(), span, a, b);

    public Node Sum(Node a, int dim) => graph.Make(new Sum(dim), span, a);

    public Node Broadcast(Node a, Shape shape) => graph.Make(new Broadcast(shape), span, a);

    public Node Reshape(Node a, Shape shape) => graph.Make(new Reshape(shape), span, a);

    /// <summary>
    /// <paramref name="ct"/> brought to <paramref name="shape"/>: summed over the dimensions it
    /// was expanded along, or expanded where it is smaller (a scalar cotangent of a matrix).
    /// </summary>
    public Node ReduceTo(Node ct, Shape shape)
    {
        if (ct.Shape == shape)
        {
            return ct;
        }
        if (shape.IsScalar)
        {
            return Sum(ct, 0);
        }
        if (shape.Rows.IsOne && !ct.Shape.Rows.IsOne)
        {
            ct = Sum(ct, 1);
        }
        if (shape.Cols.IsOne && !ct.Shape.Cols.IsOne)
        {
            ct = Sum(ct, 2);
        }
        return ct.Shape == shape ? ct : Broadcast(ct, shape);
    }
}

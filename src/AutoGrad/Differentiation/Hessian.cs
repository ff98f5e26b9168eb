using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Differentiation;

/// <summary>
/// Second derivatives by differentiating the gradient graph again. The Hessian-vector product
/// of f at x in the direction v is the gradient of sum(sum(G .* v)), G the gradient of f; it is
/// linear in v. When v enters it only column by column (as the right factor of products, scaled
/// by columns or 1x1 values, summed down columns, added), substituting v := eye(n) gives the
/// whole Hessian of a vector x: each column of the result is the product with one unit vector.
/// </summary>
internal static class Hessian
{
    /// <summary>How a node depends on the direction v.</summary>
    private enum Form
    {
        /// <summary>Not at all.</summary>
        Constant,

        /// <summary>Linearly, column by column: F([v1 v2 ...]) = [F(v1) F(v2) ...].</summary>
        Columns,

        /// <summary>The transpose of a <see cref="Columns"/> node.</summary>
        Rows,

        /// <summary>Some other way: the substitution does not apply.</summary>
        Other,
    }

    /// <summary>The Hessian-vector product graph: the gradient of sum(sum(g .* v)) at x.</summary>
    public static Node Product(Graph.Graph graph, Node gradient, Node x, Node v)
    {
        var b = new Builder(graph, gradient.Span);
        Node inner = b.Sum(b.Mul(gradient, v), 0);
        return ReverseMode.Gradients(graph, inner, [x])[0];
    }

    /// <summary>
    /// The n x n Hessian from a product graph <paramref name="hvp"/> in the n x 1 direction
    /// <paramref name="v"/>, or a NotSupported error when v enters it other than column by column.
    /// </summary>
    public static Node Matrix(Graph.Graph graph, Node hvp, Node v, string wrt)
    {
        var forms = new Dictionary<Node, Form>(ReferenceEqualityComparer.Instance);
        var rebuilt = new Dictionary<Node, Node>(ReferenceEqualityComparer.Instance);
        Dim n = v.Shape.Rows;
        foreach (Node node in Topology.Order([hvp]))
        {
            Form form = ReferenceEquals(node, v) ? Form.Columns : FormOf(node, forms);
            if (form == Form.Other)
            {
                throw Errors.NotSupported(
                    $"the full Hessian with respect to {wrt} here ({node.Op.Name} mixes the "
                    + "direction's columns)", "HessianVector for its products with a vector",
                    graph.Source, node.Span);
            }
            forms[node] = form;
            rebuilt[node] = form == Form.Constant ? node
                : ReferenceEquals(node, v) ? new Builder(graph, v.Span).Eye(n)
                : Rebuild(graph, node, forms, rebuilt, n);
        }
        if (forms[hvp] != Form.Columns)
        {
            throw Errors.NotSupported($"the full Hessian with respect to {wrt} (the product does "
                + "not depend on the direction column by column)",
                "HessianVector for its products with a vector", graph.Source, hvp.Span);
        }
        return rebuilt[hvp];
    }

    private static Form FormOf(Node node, Dictionary<Node, Form> forms)
    {
        Form[] inputs = [.. node.Inputs.Select(i => forms[i])];
        if (inputs.All(f => f == Form.Constant))
        {
            return Form.Constant;
        }
        Form linear = inputs.First(f => f != Form.Constant);
        Node other = node.Inputs.Count == 2
            ? node.Inputs[inputs[0] == Form.Constant ? 0 : 1] : node;
        return node.Op switch
        {
            Transpose => Flip(inputs[0]),
            MatMul when inputs is [Form.Constant, Form.Columns] => Form.Columns,
            MatMul when inputs is [Form.Rows, Form.Constant] => Form.Rows,
            Add or Subtract when inputs[0] == inputs[1] => inputs[0],
            Multiply when inputs.Contains(Form.Constant) && Scales(other, linear) => linear,
            Divide when inputs[1] == Form.Constant && Scales(other, linear)
                && (other.Shape.IsScalar || !node.Inputs[0].Shape.IsScalar) => linear,
            Sum s when linear == Form.Columns && (s.Dim == 1 || IsColumn(node.Inputs[0])) =>
                Form.Columns,
            Sum s when linear == Form.Rows && (s.Dim == 2 || IsRow(node.Inputs[0])) => Form.Rows,
            Broadcast br when linear == Form.Columns && node.Inputs[0].Shape.IsScalar
                && br.Target.Cols.IsOne => Form.Columns,
            _ => Form.Other,
        };
    }

    private static Form Flip(Form form) =>
        form switch { Form.Columns => Form.Rows, Form.Rows => Form.Columns, _ => form };

    // A constant factor that scales whole columns (rows) keeps the form.
    private static bool Scales(Node factor, Form form) =>
        factor.Shape.IsScalar || (form == Form.Columns ? factor.Shape.Cols.IsOne
            : factor.Shape.Rows.IsOne);

    private static bool IsColumn(Node node) => node.Shape.Cols.IsOne;

    private static bool IsRow(Node node) => node.Shape.Rows.IsOne;

    // The node with v replaced by eye(n): a Columns node of r x 1 becomes r x n, a Rows node of
    // 1 x c becomes n x c.
    private static Node Rebuild(Graph.Graph graph, Node node, Dictionary<Node, Form> forms,
        Dictionary<Node, Node> rebuilt, Dim n)
    {
        var b = new Builder(graph, node.Span);
        Node[] inputs = [.. node.Inputs.Select(i => rebuilt[i])];
        switch (node.Op)
        {
            case Sum:
                return b.Sum(inputs[0], forms[node] == Form.Columns ? 1 : 2);
            case Broadcast br:
                return b.Broadcast(inputs[0], new Shape(br.Target.Rows, n));
            case Multiply when IsOuter(node, forms):
                bool constantFirst = forms[node.Inputs[0]] == Form.Constant;
                Node factor = inputs[constantFirst ? 0 : 1], scaled = inputs[constantFirst ? 1 : 0];
                Node original = node.Inputs[constantFirst ? 1 : 0];
                return forms[original] == Form.Columns
                    ? b.MatMul(factor, scaled) : b.MatMul(scaled, factor);
            default:
                return graph.Make(node.Op, node.Span, inputs);
        }
    }

    // A 1x1 linear node times a constant column (row) becomes an outer product: the 1x1 grows
    // to a row (column) across the directions.
    private static bool IsOuter(Node node, Dictionary<Node, Form> forms)
    {
        int linear = forms[node.Inputs[0]] == Form.Constant ? 1 : 0;
        return node.Inputs[linear].Shape.IsScalar && !node.Inputs[1 - linear].Shape.IsScalar;
    }
}

using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// A number, or a matrix with every entry equal to it (<c>zeros(n,k)</c>, <c>ones(n,k)</c>);
/// the node's shape says which.
/// </summary>
/// <param name="Value">The value of every entry.</param>
public sealed record Constant(double Value) : Op
{
    /// <inheritdoc/>
    public override string Name => "constant";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs) =>
        throw new InvalidOperationException("a constant is a leaf; its shape is given");

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context) =>
        Matrix<double>.Build.Dense(context.Output.Rows, context.Output.Cols, Value);

    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct) => [];

    /// <summary>The constant's value when the node is a constant, else null.</summary>
    internal static double? ValueOf(Node node) => node.Op is Constant c ? c.Value : null;

    /// <summary>True when the node is a constant (of any shape) equal to <paramref name="value"/>.</summary>
    internal static bool Is(Node node, double value) =>
        node.Op is Constant c && c.Value.Equals(value);
}

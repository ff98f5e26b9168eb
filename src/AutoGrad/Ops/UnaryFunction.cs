using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>A function of one matrix applied to each entry, such as <c>exp</c> or <c>tanh</c>.</summary>
public abstract record UnaryFunction : ElementwiseOp
{
    internal sealed override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs) =>
        inputs[0].Shape;

    internal sealed override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context)
    {
        var f = Kernel.CreateDelegate<Func<double, double>>();
        return inputs[0].Map(f, MathNet.Numerics.LinearAlgebra.Zeros.Include);
    }

    internal sealed override Node?[] Vjp(Graph.Graph g, Node node, Node ct) =>
        [Derivative(g, node, node.Inputs[0], ct)];

    /// <summary>The cotangent of the argument <paramref name="x"/>, where node = f(x).</summary>
    private protected abstract Node? Derivative(Graph.Graph g, Node node, Node x, Node ct);
}

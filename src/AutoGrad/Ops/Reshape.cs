using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// The same entries in column-major order under another shape: <c>X(:)</c> and
/// <c>reshape(X, r, c)</c>. The compiler gives it its input's storage; it copies nothing.
/// </summary>
/// <param name="Target">The new shape, with as many entries as the input.</param>
public sealed record Reshape(Shape Target) : Op
{
    /// <inheritdoc/>
    public override string Name => "reshape";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs)
    {
        Shape x = inputs[0].Shape;
        if (x.Count != Target.Count)
        {
            throw Errors.ReshapeCount(x, Target, context.Source, context.Span);
        }
        return Target;
    }

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context)
    {
        var (rows, cols) = context.Output;
        return Matrix<double>.Build.Dense(rows, cols, inputs[0].ToColumnMajorArray());
    }

    // dX = reshape(ct, shape of X)
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct) =>
        [new Builder(g, node.Span).Reshape(ct, node.Inputs[0].Shape)];
}

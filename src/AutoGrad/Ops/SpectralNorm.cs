using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// <c>norm(X)</c>, <c>norm(X,2)</c> of a matrix, as MATLAB means it: the largest singular
/// value, by MathNet's SVD. (Of a vector it is the 2-norm, a <see cref="Norm"/>.)
/// </summary>
public sealed record SpectralNorm : Op
{
    /// <inheritdoc/>
    public override string Name => "norm";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs) =>
        Shape.Scalar;

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context) =>
        Matrix<double>.Build.Dense(1, 1, inputs[0].Svd(computeVectors: false).S[0]);

    /// <summary>The kernel: output[0] = the largest singular value of a rows x cols x.</summary>
    internal static void Kernel(double[] x, int rows, int cols, double[] output) =>
        output[0] = Factorization.View(x, rows, cols).Svd(computeVectors: false).S[0];

    // With X = U*S*V' and s1 simple: dX = ct * u1*v1' = ct * polar1(X)
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        return [b.Mul(ct, g.Make(new Polar(RankOne: true), node.Span, node.Inputs[0]))];
    }
}

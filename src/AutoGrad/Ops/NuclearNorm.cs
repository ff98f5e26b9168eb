using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary><c>norm(X,'nuc')</c>: the nuclear norm, the sum of the singular values.</summary>
public sealed record NuclearNorm : Op
{
    /// <inheritdoc/>
    public override string Name => "norm";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs) =>
        Shape.Scalar;

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context) =>
        Matrix<double>.Build.Dense(1, 1, inputs[0].Svd(computeVectors: false).S.Sum());

    /// <summary>The kernel: output[0] = the sum of the singular values of x.</summary>
    internal static void Kernel(double[] x, int rows, int cols, double[] output) =>
        output[0] = Factorization.View(x, rows, cols).Svd(computeVectors: false).S.Sum();

    // With the thin SVD X = U*S*V' of full rank: dX = ct * U*V' = ct * polar(X)
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        return [b.Mul(ct, g.Make(new Polar(RankOne: false), node.Span, node.Inputs[0]))];
    }
}

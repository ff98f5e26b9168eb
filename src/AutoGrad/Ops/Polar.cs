using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// From the thin SVD X = U*S*V' of an n x m matrix (k = min(n, m) singular values):
/// <c>polar(X)</c> = U*V', the orthogonal factor of X's polar decomposition, the gradient of
/// <c>norm(X,'nuc')</c>; <c>polar1(X)</c> = u1*v1', the same for the largest singular value
/// alone, the gradient of <c>norm(X)</c>. The signs of singular vectors cancel in both.
/// </summary>
/// <param name="RankOne">True for u1*v1', false for U*V'.</param>
public sealed record Polar(bool RankOne) : Op
{
    /// <inheritdoc/>
    public override string Name => RankOne ? "polar1" : "polar";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs) =>
        inputs[0].Shape;

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context) => Of(inputs[0], RankOne);

    /// <summary>The kernel over a rows x cols column-major x, into output.</summary>
    internal static void Kernel(double[] x, int rows, int cols, bool rankOne, double[] output) =>
        Of(Factorization.View(x, rows, cols), rankOne).ToColumnMajorArray().CopyTo(output, 0);

    private static Matrix<double> Of(Matrix<double> x, bool rankOne)
    {
        var svd = x.Svd(computeVectors: true);
        int k = rankOne ? 1 : Math.Min(x.RowCount, x.ColumnCount);
        return svd.U.SubMatrix(0, x.RowCount, 0, k) * svd.VT.SubMatrix(0, k, 0, x.ColumnCount);
    }

    // Its derivative needs the whole SVD's derivative, which is not built.
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct) =>
        throw Errors.NotSupported($"the second derivative of a matrix norm through {Name}(X)",
            "norm(X,'fro') where a second derivative is needed", g.Source, node.Span);
}

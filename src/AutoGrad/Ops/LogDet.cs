using AutoGrad.Diagnostics;
using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>
/// <c>logdet(X)</c> = log(det(X)) of a square matrix with a positive determinant, computed
/// from the factors so it neither overflows nor underflows: 2*sum(log(diag(L))) of the
/// Cholesky factor when X is symmetric positive definite, else sum(log(abs(diag(U)))) of its
/// LU factors. A determinant that is not positive is a <see cref="ErrorKind.Binding"/> error
/// naming the matrix.
/// </summary>
public sealed record LogDet : Op
{
    /// <inheritdoc/>
    public override string Name => "logdet";

    internal override Shape InferShape(ShapeContext context, IReadOnlyList<Node> inputs) =>
        new Det().InferShape(context, inputs);

    internal override Matrix<double> Evaluate(
        IReadOnlyList<Matrix<double>> inputs, EvalContext context) =>
        Matrix<double>.Build.Dense(1, 1, Of(inputs[0], Factorization.SubjectOf(context)));

    /// <summary>The kernel: output[0] = logdet(x) for an n x n column-major x.</summary>
    internal static void Kernel(double[] x, int n, int cols, string subject, double[] output) =>
        output[0] = Of(Factorization.View(x, n, n), () => subject);

    private static double Of(Matrix<double> x, Func<string> subject)
    {
        if (x.IsSymmetric())
        {
            try
            {
                return x.Cholesky().DeterminantLn;
            }
            catch (ArgumentException)
            {
                // not positive definite: the LU path below decides
            }
        }
        var lu = x.LU();
        double sum = 0, sign = PermutationSign(lu.P);
        for (int i = 0; i < x.RowCount; i++)
        {
            double pivot = lu.U[i, i];
            sum += Math.Log(Math.Abs(pivot));
            sign *= Math.Sign(pivot);
        }
        if (!(sign > 0) || double.IsNaN(sum))
        {
            throw Errors.NotPositiveDeterminant(subject(), x.RowCount, sign * Math.Exp(sum));
        }
        return sum;
    }

    // (-1)^(n - number of cycles)
    private static int PermutationSign(MathNet.Numerics.Permutation p)
    {
        var seen = new bool[p.Dimension];
        int sign = 1;
        for (int start = 0; start < p.Dimension; start++)
        {
            for (int i = p[start], length = 1; !seen[start]; i = p[i], length++)
            {
                seen[i] = true;
                if (i == start)
                {
                    sign *= length % 2 == 0 ? -1 : 1;
                    break;
                }
            }
        }
        return sign;
    }

    // d logdet(X)/dX = inv(X)': dX = ct * inv(X)'
    internal override Node?[] Vjp(Graph.Graph g, Node node, Node ct)
    {
        var b = new Builder(g, node.Span);
        Node inverse = g.Make(new Inverse(), node.Span, node.Inputs[0]);
        return [b.Mul(ct, b.T(inverse))];
    }
}

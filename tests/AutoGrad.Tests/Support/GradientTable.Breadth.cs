using MathNet.Numerics.LinearAlgebra;
using static AutoGrad.Tests.Support.MatrixMath;

namespace AutoGrad.Tests.Support;

internal static partial class GradientTable
{
    // The functions of issue 6: more entrywise functions, reductions and linear algebra.
    private static IEnumerable<GradientCase> Breadth() =>
    [
        new("relu", "X: 3 x 4; sum(sum(relu(X) .* X))", Domain.AwayFromZero)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => x > 0 ? 2 * x : 0))),
        },
        new("sin", "X: 3 x 4; sum(sum(sin(2*X)))", Domain.Any)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => 2 * Math.Cos(2 * x)))),
        },
        new("cos", "X: 3 x 4; sum(sum(cos(X) .* X))", Domain.Any)
        {
            ClosedForms = Closed(
                ("X", v => Map(v["X"], x => Math.Cos(x) - x * Math.Sin(x)))),
        },
        new("log2", "X: 3 x 4; sum(sum(log2(X)))", Domain.Positive)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => 1 / (x * Math.Log(2))))),
        },
        new("log10", "X: 4 x 3; sum(sum(log10(X.^2)))", Domain.Positive)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => 2 / (x * Math.Log(10))))),
        },
        new("power of two matrices", "X: 3 x 4; Y: 3 x 4; sum(sum(power(X, Y)))",
            Domain.Positive)
        {
            ClosedForms = Closed(
                ("X", v => Map2(v["X"], v["Y"], (x, y) => y * Math.Pow(x, y - 1))),
                ("Y", v => Map2(v["X"], v["Y"], (x, y) => Math.Pow(x, y) * Math.Log(x)))),
        },
        new("power with a column exponent", "X: 3 x 4; p: 3 x 1; sum(sum(power(X, p)))",
            Domain.Positive),
        new("softmax of columns", "X: 3 x 4; Y: 3 x 4; sum(sum(softmax(X) .* Y))", Domain.Any)
        {
            ClosedForms = Closed(("X", v => SoftmaxGradient(v["X"], v["Y"]))),
        },
        new("softmax of rows", "X: 3 x 4; Y: 3 x 4; sum(sum(softmax(X, 2) .* Y))", Domain.Any)
        {
            ClosedForms = Closed(("X", v => SoftmaxGradient(v["X"].Transpose(),
                v["Y"].Transpose()).Transpose())),
        },
        new("logsoftmax, the softmax regression loss",
            "X: 4 x 5; Y: 4 x 5; -sum(sum(Y .* logsoftmax(X)))", Domain.Any)
        {
            Domains = Domains(("Y", Domain.Positive)),
            ClosedForms = Closed(("X", v => Times(Softmax(v["X"]),
                Expand(SumColumns(v["Y"]), 4, 5)) - v["Y"])),
        },
        new("logsoftmax of all entries", "X: 3 x 2; sum(sum(logsoftmax(X, 'all').^2))",
            Domain.Any),
        new("prod of columns", "X: 3 x 4; sum(prod(X))", Domain.AwayFromZero)
        {
            ClosedForms = Closed(("X", v => Map2(v["X"],
                Expand(Matrix<double>.Build.DenseOfRowArrays(
                    v["X"].EnumerateColumns().Select(c => c.Aggregate(1.0, (p, x) => p * x))
                        .ToArray()), 3, 4), (x, p) => p / x))),
        },
        new("prod of rows and of all", "X: 3 x 4; w: 3 x 1; "
            + "w' * prod(X, 2) + prod(X(:) / 2, 'all')", Domain.AwayFromZero),
        new("max of columns", "X: 4 x 3; w: 1 x 3; max(X) * w'", Domain.Any)
        {
            ClosedForms = Closed(("X", v => Selected(v["X"], true)
                * Matrix<double>.Build.DiagonalOfDiagonalVector(v["w"].Row(0)))),
        },
        new("min of rows", "X: 4 x 3; sum(min(X, [], 2).^2)", Domain.Any),
        new("max and min of all entries",
            "X: 3 x 3; max(X, [], 'all') - 2*min(X, [], 1)*ones(3,1)", Domain.Any),
        new("logdet of a Gram matrix", "X: 4 x 3; logdet(X'*X + eye(3))", Domain.Any)
        {
            ClosedForms = Closed(("X", v => 2 * v["X"]
                * (v["X"].Transpose() * v["X"] + Eye(3)).Inverse())),
        },
        new("logdet of a nonsymmetric matrix", "X: 3 x 3; logdet(X + 4*eye(3))", Domain.Small)
        {
            ClosedForms = Closed(("X", v => (v["X"] + 4 * Eye(3)).Inverse().Transpose())),
        },
        new("det", "X: 3 x 3; det(X + 2*eye(3))^2", Domain.Small),
        new("inv", "X: 3 x 3; A: 3 x 3; trace(inv(X + 3*eye(3))*A)", Domain.Small),
        new("left division", "A: 3 x 3; B: 3 x 2; C: 3 x 2; sum(sum(((A + 3*eye(3))\\B) .* C))",
            Domain.Small),
        new("right division", "A: 3 x 3; B: 2 x 3; sum(sum((B/(A + 3*eye(3))).^2))",
            Domain.Small),
        new("diag in both directions", "X: 3 x 3; v: 3 x 1; r: 1 x 3; "
            + "sum(diag(X).^2) + sum(sum(diag(v)*X)) + trace(diag(r.^2))", Domain.Any)
        {
            ClosedForms = Closed(
                ("v", v => Matrix<double>.Build.DenseOfColumnVectors(v["X"].RowSums())),
                ("r", v => 2 * v["r"])),
        },
        new("kron", "A: 2 x 3; B: 4 x 2; C: 8 x 6; sum(sum(kron(A, B) .* C))", Domain.Any)
        {
            ClosedForms = Closed(("A", v => Matrix<double>.Build.Dense(2, 3, (i, j) =>
                v["C"].SubMatrix(4 * i, 4, 2 * j, 2).PointwiseMultiply(v["B"]).Enumerate()
                    .Sum()))),
        },
        new("kron of vectors", "x: 3 x 1; y: 1 x 2; sum(sum(kron(x, y).^2))", Domain.Any),
        new("repmat", "X: 2 x 3; sum(sum(repmat(X, 3, 2).^3))", Domain.Any)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => 6 * 3 * x * x))),
        },
        new("repmat of named size", "X: n x 2; W: 2*n x 2; sum(sum(repmat(X, 2, 1) .* W))",
            Domain.Any)
        {
            Dims = Dims(("n", 3)),
        },
        new("linear algebra of named sizes", "X: n x n; B: n x m; "
            + "logdet(X'*X + eye(n)) + sum(sum((X'*X + eye(n))\\B)) + trace(inv(X'*X + eye(n)))"
            + " + sum(diag(X).^2) + sum(sum(kron(X, B).^2)) + norm(B) + sum(max(B, [], 2))",
            Domain.Any)
        {
            Dims = Dims(("n", 3), ("m", 2)),
        },
        new("repmat by a named size", "X: 2 x m; W: 2*n x 3*m; "
            + "sum(sum(repmat(X, n, 3) .* W)) + sum(sum(repelem(X, n, 1).^2))", Domain.Any)
        {
            Dims = Dims(("n", 3), ("m", 2)),
        },
        new("repelem", "X: 2 x 2; Y: 6 x 4; sum(sum(repelem(X, 3, 2) .* Y))", Domain.Any),
        new("spectral norm", "X: 3 x 4; norm(X)", Domain.Any)
        {
            ClosedForms = Closed(("X", v => TopPair(v["X"]))),
        },
        new("spectral norm, 2 given, in a product", "A: 4 x 3; B: 3 x 2; norm(A*B, 2)^2",
            Domain.Any),
        new("nuclear norm", "X: 4 x 3; norm(X,'nuc')", Domain.Any)
        {
            ClosedForms = Closed(("X", v => PolarFactor(v["X"]))),
        },
        new("Inf-norm of a column", "x: 6 x 1; norm(x, Inf)", Domain.HalfStepsShifted)
        {
            ClosedForms = Closed(("x", v => Map(v["x"], x => Indicator(
                Math.Abs(x) == v["x"].Enumerate().Max(Math.Abs)) * Math.Sign(x)))),
        },
        new("1-norm and Inf-norm of a matrix", "X: 3 x 4; norm(X, 1) + norm(X, 'inf')",
            Domain.AwayFromZero),
    ];

    // u1*v1' of the SVD X = U*S*V'.
    private static Matrix<double> TopPair(Matrix<double> x)
    {
        var svd = x.Svd();
        return svd.U.Column(0).ToColumnMatrix() * svd.VT.Row(0).ToRowMatrix();
    }

    // U*V' of the thin SVD.
    private static Matrix<double> PolarFactor(Matrix<double> x)
    {
        var svd = x.Svd();
        int k = Math.Min(x.RowCount, x.ColumnCount);
        return svd.U.SubMatrix(0, x.RowCount, 0, k) * svd.VT.SubMatrix(0, k, 0, x.ColumnCount);
    }

    // d/dX sum(sum(softmax(X) .* Y)) = S .* (Y - sum(S .* Y)) with S the column softmax.
    private static Matrix<double> SoftmaxGradient(Matrix<double> x, Matrix<double> y)
    {
        Matrix<double> s = Softmax(x);
        return Times(s, y - Expand(SumColumns(Times(s, y)), x.RowCount, x.ColumnCount));
    }

    private static Matrix<double> Softmax(Matrix<double> x)
    {
        Matrix<double> e = Map(x, Math.Exp);
        return Map2(e, Expand(SumColumns(e), x.RowCount, x.ColumnCount), (a, s) => a / s);
    }

    // 1 at the largest (or smallest) entry of each column, else 0.
    private static Matrix<double> Selected(Matrix<double> x, bool largest) =>
        Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (i, j) => Indicator(
            x[i, j] == (largest ? x.Column(j).Maximum() : x.Column(j).Minimum())));
}

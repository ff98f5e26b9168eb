using MathNet.Numerics.LinearAlgebra;
using static AutoGrad.Tests.Support.MatrixMath;
using Values = System.Collections.Generic.IReadOnlyDictionary<
    string, MathNet.Numerics.LinearAlgebra.Matrix<double>>;

namespace AutoGrad.Tests.Support;

internal static partial class GradientTable
{
    // Shapes the compiler treats specially: 1x1 objectives whose gradient is their value,
    // transposes and expansions inside fused loops, scaled products, views and symbolic sizes.
    private static IEnumerable<GradientCase> Fusion() =>
    [
        new("gradient equals the value", "a: 1 x 1; exp(a)", Domain.Small)
        {
            ClosedForms = Closed(("a", v => Map(v["a"], Math.Exp))),
        },
        new("inner product inside exp", "x: 3 x 1; y: 3 x 1; exp(x'*y)", Domain.Small)
        {
            ClosedForms = Closed(
                ("x", v => Math.Exp((v["x"].Transpose() * v["y"])[0, 0]) * v["y"]),
                ("y", v => Math.Exp((v["x"].Transpose() * v["y"])[0, 0]) * v["x"])),
        },
        new("transposes inside a fused loop", "A: 3 x 4; B: 4 x 3; C: 4 x 3; "
            + "sum(sum((A + B').^2 .* C'))", Domain.Any)
        {
            ClosedForms = Closed(
                ("A", v => 2 * Times(v["A"] + v["B"].Transpose(), v["C"].Transpose())),
                ("B", v => 2 * Times(v["A"] + v["B"].Transpose(), v["C"].Transpose())
                    .Transpose()),
                ("C", v => Map(v["A"] + v["B"].Transpose(), t => t * t).Transpose())),
        },
        new("row sums of a transposed expansion", "A: 3 x 4; b: 4 x 1; "
            + "sum(sum(exp(A' + b), 2).^2)", Domain.Small)
        {
            ClosedForms = Closed(
                ("A", v => RowSumGradient(v).Transpose()),
                ("b", v => SumRows(RowSumGradient(v)))),
        },
        new("transposed column against a matrix", "x: 4 x 1; Y: 3 x 4; sum(sum((Y - x').^2))",
            Domain.Any)
        {
            ClosedForms = Closed(
                ("x", v => -2 * SumColumns(v["Y"] - Expand(v["x"].Transpose(), 3, 4))
                    .Transpose()),
                ("Y", v => 2 * (v["Y"] - Expand(v["x"].Transpose(), 3, 4)))),
        },
        new("transposed column plus a row", "x: 4 x 1; y: 1 x 4; sum((x' + y).^2)", Domain.Any)
        {
            ClosedForms = Closed(
                ("x", v => 2 * (v["x"] + v["y"].Transpose())),
                ("y", v => 2 * (v["x"].Transpose() + v["y"]))),
        },
        new("product scaled by a computed scalar", "A: 3 x 4; B: 4 x 2; "
            + "s = sum(sum(A.^2)); sum(sum(s*(A*B)))", Domain.Any)
        {
            ClosedForms = Closed(
                ("A", v => 2 * SumAll(v["A"] * v["B"]) * v["A"]
                    + SumAll(Times(v["A"], v["A"])) * Ones(3, 2) * v["B"].Transpose()),
                ("B", v => SumAll(Times(v["A"], v["A"])) * v["A"].Transpose() * Ones(3, 2))),
        },
        new("scaled product as the gradient", "A: 3 x 4; B: 4 x 2; C: 3 x 2; "
            + "sum(sum(3*(A*B) .* C))", Domain.Any)
        {
            ClosedForms = Closed(
                ("A", v => 3 * v["C"] * v["B"].Transpose()),
                ("B", v => 3 * v["A"].Transpose() * v["C"]),
                ("C", v => 3 * v["A"] * v["B"])),
        },
        new("trace of a transpose", "A: 3 x 3; B: 3 x 3; trace(A'*B) + trace(A')*trace(B)",
            Domain.Any)
        {
            ClosedForms = Closed(
                ("A", v => v["B"] + v["B"].Trace() * Eye(3)),
                ("B", v => v["A"] + v["A"].Trace() * Eye(3))),
        },
        new("norm of a transposed product", "A: 3 x 4; B: 4 x 2; norm((A*B)','fro')", Domain.Any)
        {
            ClosedForms = Closed(
                ("A", v => v["A"] * v["B"] * v["B"].Transpose()
                    / (v["A"] * v["B"]).FrobeniusNorm()),
                ("B", v => v["A"].Transpose() * v["A"] * v["B"]
                    / (v["A"] * v["B"]).FrobeniusNorm())),
        },
        new("reshape of a product", "A: 3 x 4; B: 4 x 4; sum(sum(reshape(A*B, 2, 6).^2))",
            Domain.Any)
        {
            ClosedForms = Closed(
                ("A", v => 2 * v["A"] * v["B"] * v["B"].Transpose()),
                ("B", v => 2 * v["A"].Transpose() * v["A"] * v["B"])),
        },
        new("reshape of an entrywise expression", "X: 4 x 3; Y: 6 x 2; "
            + "sum(sum(reshape(exp(X), 6, 2) .* Y))", Domain.Small)
        {
            ClosedForms = Closed(
                ("X", v => Times(Map(v["X"], Math.Exp), Reshape(v["Y"], 4, 3))),
                ("Y", v => Reshape(Map(v["X"], Math.Exp), 6, 2))),
        },
        new("column and row expansions in a symbolic loop", "X: n x m; b: n x 1; r: 1 x m; "
            + "sum(sum(tanh(X + b) .* r))", Domain.Any)
        {
            Dims = Dims(("n", 3), ("m", 4)),
            ClosedForms = Closed(
                ("X", v => ExpansionGradient(v)),
                ("b", v => SumRows(ExpansionGradient(v))),
                ("r", v => SumColumns(Map(v["X"] + Expand(v["b"], 3, 4), Math.Tanh)))),
        },
        new("max against a row", "X: 3 x 4; r: 1 x 4; sum(sum(max(X, r) .* X))", Domain.HalfSteps)
        {
            Domains = Domains(("r", Domain.HalfStepsShifted)),
            ClosedForms = Closed(
                ("X", v => Map2(v["X"], Expand(v["r"], 3, 4), (x, r) => x > r ? 2 * x : r)),
                ("r", v => SumColumns(Map2(v["X"], Expand(v["r"], 3, 4),
                    (x, r) => r > x ? x : 0)))),
        },
        new("symbolic sizes as numbers", "X: n x m; "
            + "sum(sum(X.^2)) * size(X,2) / numel(X) + mean(sum(X,2)) + sum(X,'all')/m", Domain.Any)
        {
            Dims = Dims(("n", 4), ("m", 3)),
            ClosedForms = Closed(("X", v => 2 * v["X"] / 4 + Ones(4, 3) / 4 + Ones(4, 3) / 3)),
        },
        new("comparisons and sign only", "X: 3 x 4; sum(sum(X > 0)) + sum(sum(sign(X)))",
            Domain.AwayFromZero)
        {
            ClosedForms = Closed(("X", v => ZeroGradient(3, 4))),
        },
        new("variable multiplied by zero",
            "X: 3 x 4; Y: 2 x 2; sum(sum(0*X + X.^0)) + sum(sum(Y.^1))",
            Domain.Any)
        {
            ClosedForms = Closed(("X", v => ZeroGradient(3, 4)), ("Y", v => Ones(2, 2))),
        },
        new("undeclared name as a scalar variable", "A: 3 x 3; lambda*sum(sum(A.^2))", Domain.Any)
        {
            UndeclaredAreScalars = true,
            ClosedForms = Closed(
                ("A", v => 2 * v["lambda"][0, 0] * v["A"]),
                ("lambda", v => Scalar(SumAll(Times(v["A"], v["A"]))))),
        },
    ];

    // The cotangent of exp(A' + b), 4 x 3, for sum(sum(exp(A' + b), 2).^2)
    private static Matrix<double> RowSumGradient(Values v)
    {
        Matrix<double> e = Map(v["A"].Transpose() + Expand(v["b"], 4, 3), Math.Exp);
        return Times(Expand(2 * SumRows(e), 4, 3), e);
    }

    // r .* (1 - tanh(X + b).^2)
    private static Matrix<double> ExpansionGradient(Values v)
    {
        Matrix<double> t = Map(v["X"] + Expand(v["b"], 3, 4), Math.Tanh);
        return Times(Expand(v["r"], 3, 4), Map(t, y => 1 - y * y));
    }
}

using MathNet.Numerics.LinearAlgebra;
using static AutoGrad.Tests.Support.MatrixMath;
using Values = System.Collections.Generic.IReadOnlyDictionary<
    string, MathNet.Numerics.LinearAlgebra.Matrix<double>>;

namespace AutoGrad.Tests.Support;

internal static partial class GradientTable
{
    // Operators entry by entry, comparisons, and implicit expansion of scalars, rows and columns.
    private static IEnumerable<GradientCase> Elementwise() =>
    [
        new("add", "A: 3 x 4; B: 3 x 4; sum(sum((A + B).^2))", Domain.Any)
        {
            ClosedForms = Closed(
                ("A", v => 2 * (v["A"] + v["B"])),
                ("B", v => 2 * (v["A"] + v["B"]))),
        },
        new("subtract", "A: 3 x 4; B: 3 x 4; sum(sum((A - 2*B).^2))", Domain.Any)
        {
            ClosedForms = Closed(
                ("A", v => 2 * (v["A"] - 2 * v["B"])),
                ("B", v => -4 * (v["A"] - 2 * v["B"]))),
        },
        new("unary minus", "X: 3 x 2; sum(sum(-X .* exp(-X)))", Domain.Small)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => (x - 1) * Math.Exp(-x)))),
        },
        new("elementwise product", "A: 4 x 3; B: 4 x 3; sum(sum(A .* B .* A))", Domain.Any)
        {
            ClosedForms = Closed(
                ("A", v => 2 * Times(v["A"], v["B"])),
                ("B", v => Times(v["A"], v["A"]))),
        },
        new("elementwise division", "A: 3 x 5; B: 3 x 5; sum(sum(A ./ B))", Domain.Positive)
        {
            ClosedForms = Closed(
                ("A", v => Map(v["B"], b => 1 / b)),
                ("B", v => Map2(v["A"], v["B"], (a, b) => -a / (b * b)))),
        },
        new("scalar numerator division", "X: 3 x 3; sum(sum(2 ./ X))", Domain.Positive)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => -2 / (x * x)))),
        },
        new("division by a scalar variable", "c: 1 x 1; X: 3 x 4; sum(sum(X.^2 / c))",
            Domain.Positive)
        {
            ClosedForms = Closed(
                ("X", v => 2 * v["X"] / v["c"][0, 0]),
                ("c", v => Scalar(-SumAll(Times(v["X"], v["X"])) / Math.Pow(v["c"][0, 0], 2)))),
        },
        new("constant power", "X: 3 x 4; sum(sum(X.^3))", Domain.Any)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => 3 * x * x))),
        },
        new("negative fractional power", "X: 3 x 4; sum(sum(X.^(-1.5)))", Domain.Positive)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => -1.5 * Math.Pow(x, -2.5)))),
        },
        new("variable exponent", "X: 2 x 3; P: 2 x 3; sum(sum(X.^P))", Domain.Positive)
        {
            Domains = Domains(("P", Domain.Any)),
            ClosedForms = Closed(
                ("X", v => Map2(v["X"], v["P"], (x, p) => p * Math.Pow(x, p - 1))),
                ("P", v => Map2(v["X"], v["P"], (x, p) => Math.Pow(x, p) * Math.Log(x)))),
        },
        new("scalar powers", "a: 1 x 1; b: 1 x 1; c: 1 x 1; a^3 + 2^b + c^-1", Domain.Positive)
        {
            ClosedForms = Closed(
                ("a", v => Scalar(3 * Math.Pow(v["a"][0, 0], 2))),
                ("b", v => Scalar(Math.Log(2) * Math.Pow(2, v["b"][0, 0]))),
                ("c", v => Scalar(-1 / Math.Pow(v["c"][0, 0], 2)))),
        },
        new("scalar variable scales a matrix", "c: 1 x 1; X: 3 x 4; sum(sum((c*X).^2))",
            Domain.Any)
        {
            ClosedForms = Closed(
                ("c", v => Scalar(2 * v["c"][0, 0] * SumAll(Times(v["X"], v["X"])))),
                ("X", v => 2 * Math.Pow(v["c"][0, 0], 2) * v["X"])),
        },
        new("greater than as a mask", "X: 3 x 4; sum(sum((X > 0) .* X))", Domain.AwayFromZero)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => Indicator(x > 0)))),
        },
        new("every comparison", "X: 3 x 3; Y: 3 x 3; "
            + "m = (X < Y) + (X <= Y) + (X >= Y) + (X == Y) + (X ~= Y) + (X > 0.3); "
            + "sum(sum(m .* X .* Y))", Domain.HalfSteps)
        {
            Domains = Domains(("Y", Domain.HalfStepsShifted)),
            ClosedForms = Closed(
                ("X", v => Times(Mask(v), v["Y"])),
                ("Y", v => Times(Mask(v), v["X"]))),
        },
        new("column expansion (bias)", "W: 3 x 4; x: 4 x 5; b: 3 x 1; "
            + "sum(sum(tanh(W*x + b).^2))", Domain.Any)
        {
            ClosedForms = Closed(
                ("W", v => BiasDelta(v) * v["x"].Transpose()),
                ("x", v => v["W"].Transpose() * BiasDelta(v)),
                ("b", v => SumRows(BiasDelta(v)))),
        },
        new("row expansion", "X: 4 x 3; r: 1 x 3; sum(sum((X - r).^2))", Domain.Any)
        {
            ClosedForms = Closed(
                ("X", v => 2 * (v["X"] - Expand(v["r"], 4, 3))),
                ("r", v => -2 * SumColumns(v["X"] - Expand(v["r"], 4, 3)))),
        },
        new("column scaling", "X: 3 x 4; d: 3 x 1; sum(sum((d .* X).^2))", Domain.Any)
        {
            ClosedForms = Closed(
                ("X", v => 2 * Times(Expand(Times(v["d"], v["d"]), 3, 4), v["X"])),
                ("d", v => 2 * Times(v["d"], SumRows(Times(v["X"], v["X"]))))),
        },
        new("scalar expansion", "X: 3 x 3; c: 1 x 1; sum(sum(exp(X + c)))", Domain.Small)
        {
            ClosedForms = Closed(
                ("X", v => Map(v["X"], x => Math.Exp(x + v["c"][0, 0]))),
                ("c", v => Scalar(SumAll(Map(v["X"], x => Math.Exp(x + v["c"][0, 0])))))),
        },
        new("columns normalised by their sums", "X: 3 x 4; sum(sum((X ./ sum(X)).^2))",
            Domain.Positive),
        new("max of two matrices", "X: 3 x 4; Y: 3 x 4; sum(sum(max(X, Y).^2))",
            Domain.HalfSteps)
        {
            Domains = Domains(("Y", Domain.HalfStepsShifted)),
            ClosedForms = Closed(
                ("X", v => Map2(v["X"], v["Y"], (x, y) => x > y ? 2 * x : 0)),
                ("Y", v => Map2(v["X"], v["Y"], (x, y) => y > x ? 2 * y : 0))),
        },
        new("min of two matrices", "X: 3 x 4; Y: 3 x 4; sum(sum(min(X, Y) .* X))",
            Domain.HalfSteps)
        {
            Domains = Domains(("Y", Domain.HalfStepsShifted)),
            ClosedForms = Closed(
                ("X", v => Map2(v["X"], v["Y"], (x, y) => x < y ? 2 * x : y)),
                ("Y", v => Map2(v["X"], v["Y"], (x, y) => y < x ? x : 0))),
        },
        new("max with zero (rectifier)", "X: 3 x 4; sum(sum(max(X, 0) .* X))",
            Domain.AwayFromZero)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => x > 0 ? 2 * x : 0))),
        },
        new("min with a scalar variable", "X: 3 x 4; c: 1 x 1; sum(sum(min(X, c)))",
            Domain.HalfStepsShifted)
        {
            Domains = Domains(("c", Domain.HalfSteps)),
            ClosedForms = Closed(
                ("X", v => Map(v["X"], x => Indicator(x < v["c"][0, 0]))),
                ("c", v => Scalar(v["X"].Enumerate().Count(x => x > v["c"][0, 0])))),
        },
    ];

    private static Matrix<double> Mask(Values v) =>
        Map2(v["X"], v["Y"], (x, y) => Indicator(x < y) + Indicator(x <= y) + Indicator(x >= y)
            + Indicator(x == y) + Indicator(x != y) + Indicator(x > 0.3));

    // 2*a.*(1 - a.^2) with a = tanh(W*x + b): the cotangent of W*x + b
    private static Matrix<double> BiasDelta(Values v)
    {
        Matrix<double> z = v["W"] * v["x"] + Expand(v["b"], 3, 5);
        return Map(z, t => 2 * Math.Tanh(t) * (1 - Math.Tanh(t) * Math.Tanh(t)));
    }
}

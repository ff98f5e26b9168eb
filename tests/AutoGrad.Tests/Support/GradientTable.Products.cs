using MathNet.Numerics.LinearAlgebra;
using static AutoGrad.Tests.Support.MatrixMath;

namespace AutoGrad.Tests.Support;

internal static partial class GradientTable
{
    // Matrix products: chains, vectors, powers, tied and transposed uses, names, unused inputs.
    private static IEnumerable<GradientCase> Products() =>
    [
        new("matrix product", "A: 3 x 4; B: 4 x 2; C: 3 x 2; sum(sum((A*B - C).^2))", Domain.Any)
        {
            ClosedForms = Closed(
                ("A", v => 2 * (v["A"] * v["B"] - v["C"]) * v["B"].Transpose()),
                ("B", v => 2 * v["A"].Transpose() * (v["A"] * v["B"] - v["C"])),
                ("C", v => -2 * (v["A"] * v["B"] - v["C"]))),
        },
        new("bilinear form", "x: 4 x 1; M: 3 x 4; y: 3 x 1; y'*M*x", Domain.Any)
        {
            ClosedForms = Closed(
                ("x", v => v["M"].Transpose() * v["y"]),
                ("M", v => v["y"] * v["x"].Transpose()),
                ("y", v => v["M"] * v["x"])),
        },
        new("outer product", "u: 3 x 1; v: 4 x 1; X: 3 x 4; sum(sum((u*v' - X).^2))", Domain.Any)
        {
            ClosedForms = Closed(
                ("u", m => 2 * (m["u"] * m["v"].Transpose() - m["X"]) * m["v"]),
                ("v", m => 2 * (m["u"] * m["v"].Transpose() - m["X"]).Transpose() * m["u"]),
                ("X", m => -2 * (m["u"] * m["v"].Transpose() - m["X"]))),
        },
        new("transposed product", "A: 3 x 4; B: 3 x 2; sum(sum((A'*B)'.^2))", Domain.Any)
        {
            ClosedForms = Closed(
                ("A", v => 2 * v["B"] * (v["A"].Transpose() * v["B"]).Transpose()),
                ("B", v => 2 * v["A"] * (v["A"].Transpose() * v["B"]))),
        },
        new("negated product", "A: 3 x 4; B: 4 x 3; trace(-A*B) + sum(sum(-(A*B)))", Domain.Any)
        {
            ClosedForms = Closed(
                ("A", v => -v["B"].Transpose() - Ones(3, 3) * v["B"].Transpose()),
                ("B", v => -v["A"].Transpose() - v["A"].Transpose() * Ones(3, 3))),
        },
        new("matrix cubed", "A: 3 x 3; sum(sum(A^3))", Domain.Any)
        {
            ClosedForms = Closed(("A", v => CubeGradient(v["A"]))),
        },
        new("trace of a square", "A: 4 x 4; trace(A^2)", Domain.Any)
        {
            ClosedForms = Closed(("A", v => 2 * v["A"].Transpose())),
        },
        new("matrix powers 0 and 1", "A: 3 x 3; trace(A^1) + sum(sum(A^0 .* A))", Domain.Any)
        {
            ClosedForms = Closed(("A", v => 2 * Eye(3))),
        },
        new("tied W and W'", "W: 3 x 5; x: 5 x 4; norm(W'*W*x - x,'fro')^2", Domain.Any)
        {
            ClosedForms = Closed(("W", v => IcaGradient(v["W"], v["x"]))),
        },
        new("A times its transpose", "A: 3 x 3; sum(sum(A*A')) + trace(A*A)", Domain.Any)
        {
            ClosedForms = Closed(("A", v => 2 * Ones(3, 3) * v["A"] + 2 * v["A"].Transpose())),
        },
        new("unused variable", "A: 3 x 4; U: 2 x 2; sum(sum(A.^2))", Domain.Any)
        {
            ClosedForms = Closed(("A", v => 2 * v["A"]), ("U", v => ZeroGradient(2, 2))),
        },
        new("unused variable among products", "A: 3 x 4; B: 4 x 2; U: 2 x 5; trace(A*B*B'*A')",
            Domain.Any)
        {
            ClosedForms = Closed(
                ("A", v => 2 * v["A"] * v["B"] * v["B"].Transpose()),
                ("B", v => 2 * v["A"].Transpose() * v["A"] * v["B"]),
                ("U", v => ZeroGradient(2, 5))),
        },
        new("named intermediate", "A: 4 x 3; s: 3 x 5; x: 4 x 5; e = A*s - x; sum(sum(e.^2))",
            Domain.Any)
        {
            ClosedForms = Closed(
                ("A", v => 2 * (v["A"] * v["s"] - v["x"]) * v["s"].Transpose()),
                ("s", v => 2 * v["A"].Transpose() * (v["A"] * v["s"] - v["x"])),
                ("x", v => -2 * (v["A"] * v["s"] - v["x"]))),
        },
        new("intermediate read three times", "X: 3 x 4; h = tanh(X); g = h .* h; "
            + "sum(sum(g + h + g .* h))", Domain.Any)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x =>
            {
                double h = Math.Tanh(x);
                return (2 * h + 1 + 3 * h * h) * (1 - h * h);
            }))),
        },
        new("reassigned name", "X: 3 x 3; y = X*X; y = y + X'; sum(sum(y.^2))", Domain.Any)
        {
            ClosedForms = Closed(("X", v =>
            {
                Matrix<double> x = v["X"], r = 2 * (x * x + x.Transpose());
                return r * x.Transpose() + x.Transpose() * r + r.Transpose();
            })),
        },
    ];

    // d/dA sum(sum(A^3)) = J*A'^2 + A'*J*A' + A'^2*J, with J = ones(3,3)
    private static Matrix<double> CubeGradient(Matrix<double> a)
    {
        Matrix<double> j = Ones(3, 3), t = a.Transpose();
        return j * t * t + t * j * t + t * t * j;
    }

    // 2*W*(W'*W*x - x)*x' + 2*(W*x)*(W'*W*x - x)'
    private static Matrix<double> IcaGradient(Matrix<double> w, Matrix<double> x)
    {
        Matrix<double> r = w.Transpose() * w * x - x;
        return 2 * w * r * x.Transpose() + 2 * (w * x) * r.Transpose();
    }
}

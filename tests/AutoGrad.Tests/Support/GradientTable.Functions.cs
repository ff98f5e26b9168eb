using static AutoGrad.Tests.Support.MatrixMath;

namespace AutoGrad.Tests.Support;

internal static partial class GradientTable
{
    // The entrywise functions, the norms, the matrix builders, reshapes and built-in constants.
    private static IEnumerable<GradientCase> Functions() =>
    [
        new("sqrt", "X: 3 x 4; sum(sum(sqrt(X)))", Domain.Positive)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => 0.5 / Math.Sqrt(x)))),
        },
        new("exp", "X: 3 x 4; sum(sum(exp(2*X)))", Domain.Small)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => 2 * Math.Exp(2 * x)))),
        },
        new("log", "X: 3 x 4; sum(sum(log(X)))", Domain.Positive)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => 1 / x))),
        },
        new("log1p", "X: 3 x 4; sum(sum(log1p(X.^2)))", Domain.Any)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => 2 * x / (1 + x * x)))),
        },
        new("abs", "X: 4 x 3; sum(sum(abs(X) .* X))", Domain.AwayFromZero)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => 2 * Math.Abs(x)))),
        },
        new("tanh", "X: 3 x 4; sum(sum(tanh(X)))", Domain.Any)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => 1 - Math.Pow(Math.Tanh(x), 2)))),
        },
        new("sigmoid", "X: 3 x 4; sum(sum(sigmoid(X)))", Domain.Any)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => Sigmoid(x) * (1 - Sigmoid(x))))),
        },
        new("sign", "X: 3 x 4; sum(sum(sign(X) .* X.^2))", Domain.AwayFromZero)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => 2 * Math.Sign(x) * x))),
        },
        new("norm of a column", "x: 5 x 1; norm(x)", Domain.Any)
        {
            ClosedForms = Closed(("x", v => v["x"] / v["x"].FrobeniusNorm())),
        },
        new("norm of a row, 2 given", "r: 1 x 4; norm(r - 1, 2)", Domain.Any)
        {
            ClosedForms = Closed(("r", v => (v["r"] - 1) / (v["r"] - 1).FrobeniusNorm())),
        },
        new("Frobenius norm", "X: 3 x 4; norm(X,'fro')", Domain.Any)
        {
            ClosedForms = Closed(("X", v => v["X"] / v["X"].FrobeniusNorm())),
        },
        new("Frobenius norm squared", "A: 3 x 4; x: 4 x 2; b: 3 x 2; norm(A*x - b,'fro')^2",
            Domain.Any)
        {
            ClosedForms = Closed(
                ("A", v => 2 * (v["A"] * v["x"] - v["b"]) * v["x"].Transpose()),
                ("x", v => 2 * v["A"].Transpose() * (v["A"] * v["x"] - v["b"])),
                ("b", v => -2 * (v["A"] * v["x"] - v["b"]))),
        },
        new("1-norm of a column", "x: 6 x 1; norm(x, 1)", Domain.AwayFromZero)
        {
            ClosedForms = Closed(("x", v => Map(v["x"], x => Math.Sign(x)))),
        },
        new("cosine similarity", "x: 4 x 1; y: 4 x 1; (x'*y) / (norm(x)*norm(y))", Domain.Any),
        new("trace of a product", "A: 3 x 4; B: 4 x 3; trace(A*B)", Domain.Any)
        {
            ClosedForms = Closed(("A", v => v["B"].Transpose()), ("B", v => v["A"].Transpose())),
        },
        new("trace of a Gram matrix", "X: 4 x 3; trace(X'*X)", Domain.Any)
        {
            ClosedForms = Closed(("X", v => 2 * v["X"])),
        },
        new("transpose by quote", "A: 3 x 4; B: 4 x 3; sum(sum(A' .* B))", Domain.Any)
        {
            ClosedForms = Closed(("A", v => v["B"].Transpose()), ("B", v => v["A"].Transpose())),
        },
        new("transpose by dot-quote", "A: 3 x 4; B: 4 x 3; sum(sum(A.' .* B.^2))", Domain.Any)
        {
            ClosedForms = Closed(
                ("A", v => Times(v["B"], v["B"]).Transpose()),
                ("B", v => 2 * Times(v["A"].Transpose(), v["B"]))),
        },
        new("transpose function", "A: 2 x 5; B: 5 x 2; sum(sum(exp(transpose(A)) .* B))",
            Domain.Small)
        {
            ClosedForms = Closed(
                ("A", v => Times(Map(v["A"].Transpose(), Math.Exp), v["B"]).Transpose()),
                ("B", v => Map(v["A"].Transpose(), Math.Exp))),
        },
        new("eye, ones and zeros", "X: 3 x 3; "
            + "sum(sum((X - eye(3)).^2)) + ones(1,3)*X*ones(3,1) + sum(sum(zeros(3,3) .* X))",
            Domain.Any)
        {
            ClosedForms = Closed(("X", v => 2 * (v["X"] - Eye(3)) + Ones(3, 3))),
        },
        new("reshape", "X: 4 x 3; Y: 2 x 6; sum(sum(reshape(X, 2, 6) .* Y))", Domain.Any)
        {
            ClosedForms = Closed(
                ("X", v => Reshape(v["Y"], 4, 3)),
                ("Y", v => Reshape(v["X"], 2, 6))),
        },
        new("reshape in a product", "X: 2 x 6; Y: 3 x 4; sum(sum((reshape(X, 3, 4) * Y').^2))",
            Domain.Any)
        {
            ClosedForms = Closed(
                ("X", v => Reshape(2 * (Reshape(v["X"], 3, 4) * v["Y"].Transpose())
                    * v["Y"], 2, 6))),
        },
        new("colon", "X: 3 x 4; w: 12 x 1; w' * X(:)", Domain.Any)
        {
            ClosedForms = Closed(
                ("X", v => Reshape(v["w"], 3, 4)),
                ("w", v => Reshape(v["X"], 12, 1))),
        },
        new("colon squared", "X: 2 x 3; sum(X(:).^3)", Domain.Any)
        {
            ClosedForms = Closed(("X", v => Map(v["X"], x => 3 * x * x))),
        },
        new("size and numel", "X: 3 x 4; "
            + "sum(sum(X)) / numel(X) + size(X,1) * sum(sum(X.^2)) / size(X,2)", Domain.Any)
        {
            ClosedForms = Closed(("X", v => Ones(3, 4) / 12 + 1.5 * v["X"])),
        },
        new("pi, eps and Inf", "X: 3 x 3; "
            + "pi*sum(sum(X.^2)) + sum(sum(sqrt(X.^2 + eps))) + sum(sum(min(X, Inf)))",
            Domain.AwayFromZero)
        {
            ClosedForms = Closed(("X", v => Map(v["X"],
                x => 2 * Math.PI * x + x / Math.Sqrt(x * x + Math.Pow(2, -52)) + 1))),
        },
        new("constant shadows eps", "s: 3 x 4; sum(sum(sqrt(s.^2 + eps)))", Domain.Any)
        {
            Constants = Constants(("eps", 0.25)),
            ClosedForms = Closed(("s", v => Map(v["s"], s => s / Math.Sqrt(s * s + 0.25)))),
        },
    ];
}

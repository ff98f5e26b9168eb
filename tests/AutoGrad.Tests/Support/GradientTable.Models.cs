using MathNet.Numerics.LinearAlgebra;
using static AutoGrad.Tests.Support.MatrixMath;
using Values = System.Collections.Generic.IReadOnlyDictionary<
    string, MathNet.Numerics.LinearAlgebra.Matrix<double>>;

namespace AutoGrad.Tests.Support;

internal static partial class GradientTable
{
    private const double Lambda = 1e-3, Rho = 0.1, Beta = 3;

    private const string Autoencoder = "W1: 3 x 4; b1: 3 x 1; W2: 4 x 3; b2: 4 x 1; x: 4 x 5; "
        + "h = sigmoid(W1*x + b1); y = sigmoid(W2*h + b2); "
        + "0.5*sum(sum((y - x).^2))/5 + 0.5*lambda*(sum(sum(W1.^2)) + sum(sum(W2.^2)))";

    // Whole models of the UFLDL tutorials, some with symbolic sizes bound to data.
    private static IEnumerable<GradientCase> Models() =>
    [
        new("sparse autoencoder", Autoencoder, Domain.Any)
        {
            Constants = Constants(("lambda", Lambda)),
            ClosedForms = AutoencoderGradients(sparsity: false),
        },
        new("sparse autoencoder with KL sparsity", Autoencoder
            + " + beta*sum(rho*log(rho ./ mean(h,2))"
            + " + (1 - rho)*log((1 - rho) ./ (1 - mean(h,2))))",
            Domain.Any)
        {
            Constants = Constants(("lambda", Lambda), ("rho", Rho), ("beta", Beta)),
            ClosedForms = AutoencoderGradients(sparsity: true),
        },
        new("tanh layer", "W: 3 x 4; x: 4 x 6; y: 3 x 6; sum(sum((tanh(W*x) - y).^2))",
            Domain.Any)
        {
            ClosedForms = Closed(("W", v =>
            {
                Matrix<double> a = Map(v["W"] * v["x"], Math.Tanh);
                return Times(2 * (a - v["y"]), Map(a, t => 1 - t * t)) * v["x"].Transpose();
            })),
        },
        new("softmax regression", "theta: k x n; X: n x m; Y: k x m; M = exp(theta*X); "
            + "-1/m*sum(sum(Y .* log(M ./ sum(M)))) + lambda/2*sum(sum(theta.^2))", Domain.Any)
        {
            Dims = Dims(("k", 3), ("n", 4), ("m", 5)),
            Constants = Constants(("lambda", 1e-4)),
            Domains = Domains(("Y", Domain.Positive)),
            ClosedForms = Closed(("theta", SoftmaxGradient)),
        },
        new("symbolic sparse coding", "A: n x k; s: k x m; x: n x m; "
            + "norm(A*s - x,'fro')^2 + gamma*norm(A,'fro')^2", Domain.Any)
        {
            Dims = Dims(("n", 5), ("k", 3), ("m", 4)),
            Constants = Constants(("gamma", 0.05)),
            ClosedForms = Closed(
                ("A", v => 2 * (v["A"] * v["s"] - v["x"]) * v["s"].Transpose() + 0.1 * v["A"]),
                ("s", v => 2 * v["A"].Transpose() * (v["A"] * v["s"] - v["x"]))),
        },
        new("symbolic centring by numel", "X: n x m; sum(sum((X - mean(X)).^2)) / numel(X)",
            Domain.Any)
        {
            Dims = Dims(("n", 4), ("m", 3)),
            ClosedForms = Closed(("X", v =>
                2 * (v["X"] - Expand(SumColumns(v["X"]) / 4, 4, 3)) / 12)),
        },
        new("symbolic eye and ones", "A: n x n; B: n x m; "
            + "sum(sum((A - eye(n))*B)) + ones(1,n)*A*ones(n,1)", Domain.Any)
        {
            Dims = Dims(("n", 3), ("m", 2)),
            ClosedForms = Closed(
                ("A", v => Ones(3, 2) * v["B"].Transpose() + Ones(3, 3)),
                ("B", v => (v["A"] - Eye(3)).Transpose() * Ones(3, 2))),
        },
        new("topographic sparsity", "V: 3 x 3; s: 3 x 4; sum(sum(sqrt(V*(s.^2) + epsilon)))",
            Domain.Any)
        {
            Domains = Domains(("V", Domain.Positive)),
            Constants = Constants(("epsilon", 0.01)),
            Wrt = ["s"],
            ClosedForms = Closed(("s", v =>
            {
                Matrix<double> inner = (v["V"] * Times(v["s"], v["s"])).Add(0.01);
                return Times(v["V"].Transpose() * Map(inner, t => 1 / Math.Sqrt(t)), v["s"]);
            })),
        },
        new("logistic regression", "w: 4 x 1; X: 4 x 6; y: 1 x 6; "
            + "sum(log1p(exp(-y .* (w'*X))))", Domain.Any)
        {
            Domains = Domains(("y", Domain.AwayFromZero)),
            ClosedForms = Closed(("w", v =>
            {
                Matrix<double> margin = Times(v["y"], v["w"].Transpose() * v["X"]);
                Matrix<double> weight = Map2(v["y"], margin, (y, t) => -y * Sigmoid(-t));
                return v["X"] * weight.Transpose();
            })),
        },
    ];

    private static Dictionary<string, Func<Values, Matrix<double>>> AutoencoderGradients(
        bool sparsity) => Closed(
        ("W1", v => Backprop(v, sparsity).D2 * v["x"].Transpose() + Lambda * v["W1"]),
        ("b1", v => SumRows(Backprop(v, sparsity).D2)),
        ("W2", v => Backprop(v, sparsity).D3 * Backprop(v, sparsity).H.Transpose()
            + Lambda * v["W2"]),
        ("b2", v => SumRows(Backprop(v, sparsity).D3)),
        ("x", v =>
        {
            var (h, d2, d3) = Backprop(v, sparsity);
            Matrix<double> y = Map(v["W2"] * h + Expand(v["b2"], 4, 5), Sigmoid);
            return (v["x"] - y) / 5 + v["W1"].Transpose() * d2;
        }));

    // The UFLDL backpropagation: the output delta d3, then d2 = (W2'*d3 + sparsity) .* h.*(1-h).
    private static (Matrix<double> H, Matrix<double> D2, Matrix<double> D3) Backprop(
        Values v, bool sparsity)
    {
        Matrix<double> x = v["x"];
        Matrix<double> h = Map(v["W1"] * x + Expand(v["b1"], 3, 5), Sigmoid);
        Matrix<double> y = Map(v["W2"] * h + Expand(v["b2"], 4, 5), Sigmoid);
        Matrix<double> d3 = Times((y - x) / 5, Map(y, t => t * (1 - t)));
        Matrix<double> back = v["W2"].Transpose() * d3;
        if (sparsity)
        {
            Matrix<double> rhoHat = SumRows(h) / 5;
            Matrix<double> penalty = Map(rhoHat, r => Beta * (-Rho / r + (1 - Rho) / (1 - r)) / 5);
            back += Expand(penalty, 3, 5);
        }
        return (h, Times(back, Map(h, t => t * (1 - t))), d3);
    }

    // -1/m*(Y - P.*sum(Y))*X' + lambda*theta, with P the column-wise softmax of theta*X
    private static Matrix<double> SoftmaxGradient(Values v)
    {
        Matrix<double> e = Map(v["theta"] * v["X"], Math.Exp);
        Matrix<double> p = e.PointwiseDivide(Expand(SumColumns(e), 3, 5));
        Matrix<double> r = v["Y"] - Times(p, Expand(SumColumns(v["Y"]), 3, 5));
        return -r * v["X"].Transpose() / 5 + 1e-4 * v["theta"];
    }
}

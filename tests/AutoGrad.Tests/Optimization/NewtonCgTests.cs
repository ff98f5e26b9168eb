using AutoGrad.IO;
using AutoGrad.Optimization;
using AutoGrad.Tests.Cli;
using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;
using Bindings = System.Collections.Generic.Dictionary<
    string, MathNet.Numerics.LinearAlgebra.Matrix<double>>;

namespace AutoGrad.Tests.Optimization;

/// <summary>
/// Newton-CG: its Hessian-vector products, the minimum it reaches, its callback, why it stops.
/// </summary>
[TestFixture]
public sealed class NewtonCgTests
{
    private const string LeastSquares = "A: m x n; b: m x 1; x: n x 1; norm(A*x - b)^2";
    private const string Logistic = "X: m x n; y: m x 1; w: n x 1; c: 1 x 1;"
        + " sum(log1p(exp(-y .* (X*w + c)))) + 0.5*norm(w)^2 + 0.5*c^2";

    [Test]
    public void Minimize_LeastSquares_ReachesTheQrSolutionInFewIterations()
    {
        var (objective, layout, data) = LeastSquaresProblem();
        var options = new MinimizerOptions { GradientTolerance = 1e-7, ValueTolerance = 0 };

        MinimizerResult result = NewtonCg.Minimize(
            objective, layout, data, new double[layout.Length], options);

        // CG stops at the residual min(0.5, sqrt|g|)|g|, so the steps are exact Newton steps
        // only once |g| is small: a handful of iterations, each halving |g| or better.
        Vector<double> expected = data["A"].QR().Solve(data["b"]).Column(0);
        Assert.That(result.Reason, Is.EqualTo(StopReason.Gradient), result.Message);
        Assert.That(result.Iterations, Is.InRange(1, 10));
        Assert.That(result.Theta, Is.EqualTo(expected.ToArray()).Within(1e-7));
    }

    [Test]
    public void Minimize_LogisticRegression_ReachesTheMinimumLbfgsReaches()
    {
        var (objective, layout, data) = LogisticProblem();
        var options = new MinimizerOptions { GradientTolerance = 1e-8, ValueTolerance = 0 };
        double[] start = new double[layout.Length];

        MinimizerResult newton = NewtonCg.Minimize(objective, layout, data, start, options);
        MinimizerResult lbfgs = Lbfgs.Minimize(
            FlatObjective.Create(objective, layout, data), start, options);

        Assert.That(newton.Reason, Is.EqualTo(StopReason.Gradient), newton.Message);
        Assert.That(newton.Theta, Is.EqualTo(lbfgs.Theta).Within(1e-6));
        Assert.That(newton.Value, Is.EqualTo(lbfgs.Value).Within(1e-10).Percent);
        Assert.That(newton.Iterations, Is.LessThanOrEqualTo(lbfgs.Iterations));
    }

    [Test]
    public void HessianProduct_AgreesWithFiniteDifferencesOfTheGradient()
    {
        var (objective, layout, data) = LogisticProblem();
        var curvature = new FlatCurvature(objective, layout, data);
        var random = new Random(3);
        double[] theta = RandomVector(random, layout.Length);
        double[] v = RandomVector(random, layout.Length);
        double[] g = new double[layout.Length], hv = new double[layout.Length];

        curvature.Evaluate(theta, v, g, hv);

        const double h = 1e-5;
        double[] plus = Gradient(curvature.Flat, theta, v, h);
        double[] minus = Gradient(curvature.Flat, theta, v, -h);
        double[] numeric = [.. plus.Zip(minus, (p, m) => (p - m) / (2 * h))];
        Assert.That(hv, Is.EqualTo(numeric).Within(1e-6));
        Assert.That(g, Is.EqualTo(Gradient(curvature.Flat, theta, v, 0)).Within(1e-12));
    }

    [Test]
    public void OnIteration_FiresOnceForTheStartAndOncePerIteration()
    {
        var (objective, layout, data) = LogisticProblem();
        var seen = new List<IterationInfo>();
        var options = new MinimizerOptions { OnIteration = seen.Add };

        MinimizerResult result = NewtonCg.Minimize(
            objective, layout, data, new double[layout.Length], options);

        Assert.That(seen.Select(i => i.Iteration),
            Is.EqualTo(Enumerable.Range(0, result.Iterations + 1)));
        Assert.That(seen.Select(i => i.Value), Is.Ordered.Descending);
        Assert.That(seen.Select(i => i.Evaluations), Is.Ordered.Ascending);
        Assert.That(seen[^1].Value, Is.EqualTo(result.Value));
        Assert.That(seen[^1].GradientNorm, Is.EqualTo(result.GradientNorm));
    }

    [Test]
    public void Minimize_NegativeCurvature_FollowsTheSteepestDescent()
    {
        // f = x^4 - x^2 has f'' < 0 at x = 0.1; the minimum is at 1/sqrt(2).
        FlatFunction f = (x, g) =>
        {
            g[0] = 4 * Math.Pow(x[0], 3) - 2 * x[0];
            return Math.Pow(x[0], 4) - x[0] * x[0];
        };
        HessianProduct h = (x, v, hv) => hv[0] = (12 * x[0] * x[0] - 2) * v[0];

        MinimizerResult result = NewtonCg.Minimize(f, h, [0.1],
            new MinimizerOptions { GradientTolerance = 1e-10, ValueTolerance = 0 });

        Assert.That(result.Reason, Is.EqualTo(StopReason.Gradient), result.Message);
        Assert.That(result.Theta[0], Is.EqualTo(Math.Sqrt(0.5)).Within(1e-9));
    }

    [Test]
    public void Minimize_IterationLimit_StopsWithIterations()
    {
        var (objective, layout, data) = LogisticProblem();
        var options = new MinimizerOptions { MaxIterations = 1 };

        MinimizerResult result = NewtonCg.Minimize(
            objective, layout, data, new double[layout.Length], options);

        Assert.That((result.Reason, result.Iterations), Is.EqualTo((StopReason.Iterations, 1)));
        Assert.That(result.Message, Is.EqualTo("reached the limit of 1 iterations"));
    }

    [Test]
    public void Minimize_LooseValueTolerance_StopsWithValue()
    {
        var (objective, layout, data) = LogisticProblem();
        var options = new MinimizerOptions { ValueTolerance = 0.5, GradientTolerance = 1e-12 };

        MinimizerResult result = NewtonCg.Minimize(
            objective, layout, data, new double[layout.Length], options);

        Assert.That(result.Reason, Is.EqualTo(StopReason.Value), result.Message);
        Assert.That(result.Converged, Is.True);
    }

    [Test]
    public void Minimize_NaNAtTheStart_StopsWithNonFinite()
    {
        MinimizerResult result = NewtonCg.Minimize(
            (_, g) => { g[0] = 1; return double.NaN; }, (_, v, hv) => hv[0] = v[0], [1.0]);

        Assert.That((result.Reason, result.Iterations), Is.EqualTo((StopReason.NonFinite, 0)));
        Assert.That(result.Message,
            Is.EqualTo("the objective returned NaN or Inf at the starting point"));
    }

    [Test]
    public void Minimize_GradientPointingUphill_StopsWithLineSearchFailed()
    {
        // f = x^2 with the gradient's sign flipped: no step along the Newton step decreases f.
        FlatFunction uphill = (x, g) =>
        {
            g[0] = -2 * x[0];
            return x[0] * x[0];
        };

        MinimizerResult result = NewtonCg.Minimize(uphill, (_, v, hv) => hv[0] = 2 * v[0], [3.0]);

        Assert.That(result.Reason, Is.EqualTo(StopReason.LineSearchFailed));
        Assert.That(result.Message, Is.EqualTo("the line search found no decrease in 50 halvings"));
        Assert.That((result.Theta[0], result.Iterations), Is.EqualTo((3.0, 0)));
    }

    [Test]
    public void Minimize_Cancelled_StopsAtTheNextIteration()
    {
        var (objective, layout, data) = LogisticProblem();
        using var cancel = new CancellationTokenSource();
        var options = new MinimizerOptions
        {
            Cancellation = cancel.Token,
            GradientTolerance = 1e-12,
            ValueTolerance = 0,
            OnIteration = i => { if (i.Iteration == 1) { cancel.Cancel(); } },
        };

        MinimizerResult result = NewtonCg.Minimize(
            objective, layout, data, new double[layout.Length], options);

        Assert.That((result.Reason, result.Iterations), Is.EqualTo((StopReason.Cancelled, 1)));
    }

    [Test]
    public void Minimize_NegativeIterationLimit_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NewtonCg.Minimize(
            (_, _) => 0, (_, _, _) => { }, [0.0], new MinimizerOptions { MaxIterations = -1 }));
    }

    [Test]
    public void CliMinimize_MethodNewtonCg_WritesTheQrSolution()
    {
        var (_, _, data) = LeastSquaresProblem();
        string folder = Path.Combine(Path.GetTempPath(), $"autograd-newton-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            string objective = Path.Combine(folder, "ls.ag");
            File.WriteAllText(objective, LeastSquares);
            Npy.Write(Path.Combine(folder, "A.npy"), data["A"].ToColumnMajorArray(), 20, 5);
            Npy.Write(Path.Combine(folder, "b.npy"), data["b"].ToColumnMajorArray(), 20, 1);

            CliRun run = CliRun.Of("minimize", objective, "--method", "newton-cg",
                "--data", "A=" + Path.Combine(folder, "A.npy"),
                "--data", "b=" + Path.Combine(folder, "b.npy"),
                "--init", "x=5x1:zeros", "--out", folder);

            Assert.That(run.ExitCode, Is.EqualTo(0), run.Output + run.Error);
            Assert.That(run.OutputLines, Has.Some.Match(@"^stopped \(gradient\): the "));
            double[] expected = data["A"].QR().Solve(data["b"]).ToColumnMajorArray();
            Assert.That(Npy.Read(Path.Combine(folder, "x.npy")).ColumnMajor,
                Is.EqualTo(expected).Within(1e-5));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static double[] RandomVector(Random random, int length) =>
        [.. Enumerable.Range(0, length).Select(_ => random.NextDouble() - 0.5)];

    private static double[] Gradient(FlatObjective flat, double[] theta, double[] v, double h)
    {
        double[] at = [.. theta.Zip(v, (t, d) => t + h * d)];
        double[] g = new double[theta.Length];
        flat.ValueAndGradient(at, g);
        return g;
    }

    private static (Objective, ParameterLayout, Bindings) LeastSquaresProblem()
    {
        var random = new Random(7);
        var data = new Bindings
        {
            ["A"] = RandomData.Matrix(random, 20, 5),
            ["b"] = RandomData.Matrix(random, 20, 1),
        };
        return (Objective.Parse(LeastSquares), new ParameterLayout([("x", 5, 1)]), data);
    }

    // Two parameters, so the product runs over several variables at once.
    private static (Objective, ParameterLayout, Bindings) LogisticProblem()
    {
        var random = new Random(11);
        Matrix<double> x = RandomData.Matrix(random, 40, 4);
        Matrix<double> y = Matrix<double>.Build.Dense(40, 1,
            (i, _) => x[i, 0] - 0.5 * x[i, 2] + 0.3 * random.NextDouble() > 0 ? 1 : -1);
        var layout = new ParameterLayout([("w", 4, 1), ("c", 1, 1)]);
        return (Objective.Parse(Logistic), layout, new Bindings { ["X"] = x, ["y"] = y });
    }
}

using AutoGrad.Optimization;
using AutoGrad.Tests.Support;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace AutoGrad.Tests.Optimization;

/// <summary>L-BFGS through MathNet: the minimum it reaches, its callback, why it stops.</summary>
[TestFixture]
public sealed class LbfgsTests
{
    private const string SparseCoding = "seed-1-sparse-coding-basis";
    private const string LeastSquares = "A: m x n; b: m x 1; x: n x 1; norm(A*x - b)^2";

    [Test]
    public void Minimize_LeastSquares_ReachesTheQrSolution()
    {
        var (problem, a, b) = LeastSquaresProblem();
        var options = new MinimizerOptions { GradientTolerance = 1e-7, ValueTolerance = 0 };

        MinimizerResult result = Lbfgs.Minimize(problem, Zeros(problem), options);

        Vector<double> expected = a.QR().Solve(b).Column(0);
        Assert.That(result.Reason, Is.EqualTo(StopReason.Gradient), result.Message);
        Assert.That(result.Theta, Is.EqualTo(expected.ToArray()).Within(1e-7));
    }

    [Test]
    public void Minimize_SeedSparseCoding_DecreasesTheValueAtEveryIteration()
    {
        var (problem, start) = SparseCodingProblem();
        var values = new List<double>();

        MinimizerResult result = Lbfgs.Minimize(problem, start,
            new MinimizerOptions { MaxIterations = 30, OnIteration = i => values.Add(i.Value) });

        double reference = SeedCases.Load(SparseCoding).Value;
        Assert.That(values[0], Is.EqualTo(reference).Within(1e-10).Percent);
        Assert.That(values, Is.Ordered.Descending);
        Assert.That(result.Value, Is.LessThan(values[0] / 4));
    }

    [Test]
    public void OnIteration_FiresOnceForTheStartAndOncePerIteration()
    {
        var (problem, start) = SparseCodingProblem();
        var seen = new List<IterationInfo>();

        MinimizerResult result = Lbfgs.Minimize(problem, start,
            new MinimizerOptions { MaxIterations = 12, OnIteration = seen.Add });

        Assert.That(seen.Select(i => i.Iteration),
            Is.EqualTo(Enumerable.Range(0, result.Iterations + 1)));
        Assert.That(seen.Select(i => i.Elapsed), Is.Ordered);
        Assert.That(seen.Select(i => i.Evaluations), Is.Ordered.Ascending);
        Assert.That(seen[^1].Value, Is.EqualTo(result.Value));
        Assert.That(seen[^1].GradientNorm, Is.EqualTo(result.GradientNorm));
        Assert.That(seen[^1].Evaluations, Is.LessThanOrEqualTo(result.Evaluations));
    }

    [Test]
    public void Minimize_IterationLimit_StopsWithIterations()
    {
        var (problem, start) = SparseCodingProblem();

        var options = new MinimizerOptions { MaxIterations = 3 };

        MinimizerResult result = Lbfgs.Minimize(problem, start, options);

        Assert.That(result.Reason, Is.EqualTo(StopReason.Iterations));
        Assert.That(result.Iterations, Is.EqualTo(3));
        Assert.That(result.Message, Is.EqualTo("reached the limit of 3 iterations"));
        Assert.That(result.Converged, Is.False);
    }

    [Test]
    public void Minimize_NoIterations_EvaluatesTheStartOnce()
    {
        var (problem, start) = SparseCodingProblem();

        var options = new MinimizerOptions { MaxIterations = 0 };

        MinimizerResult result = Lbfgs.Minimize(problem, start, options);

        Assert.That((result.Reason, result.Iterations, result.Evaluations),
            Is.EqualTo((StopReason.Iterations, 0, 1)));
        Assert.That(result.Theta, Is.EqualTo(start));
    }

    [Test]
    public void Minimize_LooseValueTolerance_StopsWithValue()
    {
        var (problem, _, _) = LeastSquaresProblem();
        var options = new MinimizerOptions { GradientTolerance = 1e-12, ValueTolerance = 0.5 };

        MinimizerResult result = Lbfgs.Minimize(problem, Zeros(problem), options);

        Assert.That(result.Reason, Is.EqualTo(StopReason.Value), result.Message);
        Assert.That(result.Message, Does.StartWith("the value changed by "));
        Assert.That(result.Converged, Is.True);
    }

    [Test]
    public void Minimize_NaNAtTheStart_StopsWithNonFinite()
    {
        MinimizerResult result = Lbfgs.Minimize((_, g) => { g[0] = 1; return double.NaN; }, [1.0]);

        Assert.That((result.Reason, result.Iterations), Is.EqualTo((StopReason.NonFinite, 0)));
        Assert.That(result.Message,
            Is.EqualTo("the objective returned NaN or Inf at the starting point"));
    }

    [Test]
    public void Minimize_GradientPointingUphill_StopsWithLineSearchFailed()
    {
        // f = x^2 with the gradient's sign flipped: no step along -g decreases f.
        FlatFunction uphill = (x, g) =>
        {
            g[0] = -2 * x[0];
            return x[0] * x[0];
        };

        MinimizerResult result = Lbfgs.Minimize(uphill, [3.0]);

        Assert.That(result.Reason, Is.EqualTo(StopReason.LineSearchFailed));
        Assert.That(result.Message,
            Is.EqualTo("the line search failed: Direction is not a descent direction."));
        Assert.That((result.Theta[0], result.Iterations), Is.EqualTo((3.0, 0)));
        Assert.That(result.Evaluations, Is.GreaterThan(1));
    }

    [Test]
    public void Minimize_Cancelled_StopsAtTheNextIteration()
    {
        var (problem, start) = SparseCodingProblem();
        using var cancel = new CancellationTokenSource();
        var options = new MinimizerOptions
        {
            Cancellation = cancel.Token,
            OnIteration = i => { if (i.Iteration == 2) { cancel.Cancel(); } },
        };

        MinimizerResult result = Lbfgs.Minimize(problem, start, options);

        Assert.That((result.Reason, result.Iterations), Is.EqualTo((StopReason.Cancelled, 2)));
    }

    [Test]
    public void Minimize_NegativeIterationLimit_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Lbfgs.Minimize((_, _) => 0, [0.0], new MinimizerOptions { MaxIterations = -1 }));
    }

    private static double[] Zeros(FlatObjective problem) => new double[problem.Layout.Length];

    private static (FlatObjective Problem, Matrix<double> A, Matrix<double> B) LeastSquaresProblem()
    {
        var random = new Random(7);
        Matrix<double> a = RandomData.Matrix(random, 20, 5);
        Matrix<double> b = RandomData.Matrix(random, 20, 1);
        var layout = new ParameterLayout([("x", 5, 1)]);
        var data = new Dictionary<string, Matrix<double>> { ["A"] = a, ["b"] = b };
        return (FlatObjective.Create(Objective.Parse(LeastSquares), layout, data), a, b);
    }

    private static (FlatObjective Problem, double[] Start) SparseCodingProblem()
    {
        SeedCase c = SeedCases.Load(SparseCoding);
        var layout = ParameterLayout.Of(c.Inputs, "A", "s");
        var data = new Dictionary<string, Matrix<double>> { ["x"] = c.Inputs["x"] };
        var problem = FlatObjective.Create(Objective.Parse(c.Objective, c.Options()), layout, data);
        return (problem, layout.Pack(c.Inputs));
    }
}

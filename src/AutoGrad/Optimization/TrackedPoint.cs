using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace AutoGrad.Optimization;

/// <summary>
/// MathNet's view of a <see cref="FlatFunction"/>: one point with its value and gradient. The
/// vectors wrap arrays this point owns, so an evaluation allocates nothing here. MathNet's
/// line search asks the point it starts from for a new point with <see cref="CreateNew"/>,
/// which marks the end of an iteration: <see cref="LbfgsRun"/> reports it there.
/// </summary>
internal sealed class TrackedPoint : IObjectiveFunction
{
    private readonly LbfgsRun _run;
    private readonly double[] _theta;
    private readonly double[] _gradient;

    public TrackedPoint(LbfgsRun run, int length)
    {
        _run = run;
        _theta = new double[length];
        _gradient = new double[length];
        Point = Vector<double>.Build.Dense(_theta);
        Gradient = Vector<double>.Build.Dense(_gradient);
    }

    public Vector<double> Point { get; }

    public double Value { get; private set; } = double.NaN;

    public Vector<double> Gradient { get; }

    public bool IsGradientSupported => true;

    public bool IsHessianSupported => false;

    public Matrix<double> Hessian =>
        throw new NotSupportedException("L-BFGS uses no Hessian; the objective supplies none");

    /// <summary>The iteration this point was reported as, once reported.</summary>
    public IterationInfo? Info { get; set; }

    public double[] Theta => _theta;

    public bool IsFinite => double.IsFinite(Value) && double.IsFinite(GradientNorm());

    public void EvaluateAt(Vector<double> point)
    {
        point.CopyTo(Point);
        Value = _run.Evaluate(_theta, _gradient);
    }

    public IObjectiveFunction CreateNew()
    {
        _run.EndIteration(this);
        return new TrackedPoint(_run, _theta.Length);
    }

    public IObjectiveFunction Fork()
    {
        var copy = new TrackedPoint(_run, _theta.Length) { Value = Value };
        _theta.CopyTo(copy._theta, 0);
        _gradient.CopyTo(copy._gradient, 0);
        return copy;
    }

    public double GradientNorm()
    {
        double sum = 0;
        foreach (double g in _gradient)
        {
            sum += g * g;
        }
        return Math.Sqrt(sum);
    }

    // MathNet's relative gradient: max_i |g_i| max(|x_i|, 1) / max(|f|, 1).
    public double RelativeGradient()
    {
        double largest = 0;
        for (int i = 0; i < _gradient.Length; i++)
        {
            largest = Math.Max(largest, Math.Abs(_gradient[i]) * Math.Max(Math.Abs(_theta[i]), 1));
        }
        return largest / Math.Max(Math.Abs(Value), 1);
    }
}

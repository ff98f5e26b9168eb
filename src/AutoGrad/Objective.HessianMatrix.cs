using AutoGrad.Diagnostics;
using AutoGrad.Optimization;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad;

/// <summary>The full Hessian as numbers, for small problems.</summary>
public sealed partial class Objective
{
    /// <summary>The most coordinates <see cref="HessianAt"/> accepts: it makes one product each.</summary>
    public const int MaxHessianSize = 4096;

    /// <summary>
    /// The full Hessian at <paramref name="values"/> with respect to <paramref name="wrt"/>
    /// (each variable column-major, in order, as a <see cref="ParameterLayout"/> packs them):
    /// one compiled Hessian-vector product per coordinate, so it is for small problems. For a
    /// column variable, <see cref="Hessian"/> gives the Hessian as a formula instead.
    /// </summary>
    /// <exception cref="AutoGradException">More than <see cref="MaxHessianSize"/> coordinates.</exception>
    public Matrix<double> HessianAt(IReadOnlyDictionary<string, Matrix<double>> values, params string[] wrt)
    {
        ArgumentNullException.ThrowIfNull(values);
        var layout = ParameterLayout.Of(values, wrt);
        if (layout.Length > MaxHessianSize)
        {
            throw Errors.Plain(ErrorKind.Limit,
                $"the Hessian would have {layout.Length} x {layout.Length} entries; at most "
                + $"{MaxHessianSize} coordinates are accepted: use HessianVector for products");
        }
        var data = values.Where(v => !wrt.Contains(v.Key)).ToDictionary();
        var curvature = new FlatCurvature(this, layout, data);
        double[] theta = layout.Pack(values);
        double[] direction = new double[layout.Length], gradient = new double[layout.Length];
        var hessian = Matrix<double>.Build.Dense(layout.Length, layout.Length);
        for (int i = 0; i < layout.Length; i++)
        {
            double[] product = new double[layout.Length];
            direction[i] = 1;
            curvature.Evaluate(theta, direction, gradient, product);
            direction[i] = 0;
            hessian.SetColumn(i, product);
        }
        return hessian;
    }
}

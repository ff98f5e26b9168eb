using AutoGrad.Graph;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Ops;

/// <summary>What the reference kernels need besides their inputs: the bindings of a call.</summary>
internal sealed class EvalContext(
    Func<string, Matrix<double>> variable, Func<string, long> dimension)
{
    /// <summary>The size of the node being evaluated, under this call's bindings.</summary>
    public (int Rows, int Cols) Output { get; set; }

    /// <summary>The node being evaluated, so that a kernel's error can name its input.</summary>
    public Node? Current { get; set; }

    /// <summary>The value bound to a variable.</summary>
    public Matrix<double> Variable(string name) => variable(name);

    /// <summary>The value of a named size.</summary>
    public long Dimension(string name) => dimension(name);

    /// <summary>The number of rows and columns of a shape under this call's bindings.</summary>
    public (int Rows, int Cols) Size(Shape shape) =>
        ((int)shape.Rows.Evaluate(dimension), (int)shape.Cols.Evaluate(dimension));
}

using AutoGrad.Graph;
using AutoGrad.Ops;
using MathNet.Numerics.LinearAlgebra;

namespace AutoGrad.Compilation;

/// <summary>
/// Evaluates a graph node by node with each op's reference kernel on MathNet matrices. It is
/// slow and simple on purpose: the compiled code is tested against it.
/// </summary>
internal static class Interpreter
{
    /// <summary>The values of <paramref name="roots"/> under the given bindings.</summary>
    public static Matrix<double>[] Evaluate(
        IReadOnlyList<Node> roots, Func<string, Matrix<double>> variable, Func<string, long> dim)
    {
        var context = new EvalContext(variable, dim);
        var values = new Dictionary<Node, Matrix<double>>(ReferenceEqualityComparer.Instance);
        foreach (Node node in Topology.Order(roots))
        {
            context.Output = context.Size(node.Shape);
            context.Current = node;
            Matrix<double>[] inputs = [.. node.Inputs.Select(i => values[i])];
            values[node] = node.Op.Evaluate(inputs, context);
        }
        return [.. roots.Select(r => values[r])];
    }
}

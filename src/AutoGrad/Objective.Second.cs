using AutoGrad.Compilation;
using AutoGrad.Differentiation;
using AutoGrad.Graph;
using AutoGrad.Ops;
using AutoGrad.Simplification;

namespace AutoGrad;

/// <summary>Second derivatives of an objective, compiled for second-order optimisers.</summary>
public sealed partial class Objective
{
    /// <summary>
    /// Compiles the value, the gradients G_i with respect to <paramref name="wrt"/> and the
    /// Hessian-vector product H*v in one function. The product is the gradient of
    /// sum_i sum(sum(G_i .* V_i)), where each direction V_i is a new input of x_i's shape; the
    /// inputs are the objective's variables (ordinal order) followed by the directions in
    /// <paramref name="wrt"/> order, named in <paramref name="directions"/>. The outputs are the
    /// gradients, then the products, both in <paramref name="wrt"/> order, so
    /// <see cref="CompiledObjective.Wrt"/> lists <paramref name="wrt"/> twice.
    /// </summary>
    internal CompiledObjective CompileHessianVector(string[] wrt, out string[] directions)
    {
        var taken = new HashSet<string>(Variables.Keys.Concat(Dimensions));
        string[] names = [.. wrt.Select(w => DirectionName(w, taken))];
        directions = names;
        return Runtime.DeepStack.Run(() => CompileHessianVectorOnThisStack(wrt, names));
    }

    private CompiledObjective CompileHessianVectorOnThisStack(string[] wrt, string[] directions)
    {
        GradientGraph gradient = DifferentiateOnThisStack(wrt);
        Node[] xs = [.. wrt.Select(VariableNode)];
        Node[] vs =
            [.. xs.Select((x, i) => Graph.Leaf(new Variable(directions[i]), x.Shape, x.Span))];

        // H*v = d/dx sum_i sum(sum(G_i .* V_i)): v is constant, so this is one reverse pass.
        var b = new Builder(Graph, gradient.Value.Span);
        Node inner = wrt.Select((w, i) => b.Sum(b.Mul(gradient.Node(w), vs[i]), 0))
            .Aggregate(b.Add);
        Node[] products = Order(Graph, ReverseMode.Gradients(Graph, inner, xs), rightToLeft: false, SizeOf);

        var inputs = Variables.OrderBy(v => v.Key, StringComparer.Ordinal)
            .Select(v => (v.Key, v.Value))
            .Concat(xs.Select((x, i) => (directions[i], x.Shape)));
        var signature = new Signature([.. inputs], Dimensions);
        Node[] roots = ProductTwins.Run(
            Graph, [gradient.Value, .. wrt.Select(gradient.Node), .. products]);
        return new CompiledObjective(signature, [.. wrt, .. wrt], roots, Runtime.Blas.Current);
    }

    // A name no variable or size uses, so the direction cannot shadow an input.
    private static string DirectionName(string wrt, HashSet<string> taken)
    {
        string name = Enumerable.Range(0, int.MaxValue)
            .Select(i => i == 0 ? $"v_{wrt}" : $"v_{wrt}_{i}").First(n => !taken.Contains(n));
        taken.Add(name);
        return name;
    }
}

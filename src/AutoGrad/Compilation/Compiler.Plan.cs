using System.Linq.Expressions;
using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Compilation;

internal sealed partial class Compiler
{
    /// <summary>The deepest expression fused into one loop; deeper chains store a buffer.</summary>
    private const int MaxFusedDepth = 48;

    // Decides, for each node, whether it is fused into its reader, absorbed into a product
    // call, or stored; and which stored gradients can be written straight into the caller's
    // output arrays.
    private void Plan()
    {
        var roots = new HashSet<Node>(_roots, ReferenceEqualityComparer.Instance);
        foreach (Node node in _order)
        {
            foreach (Node input in node.Inputs)
            {
                _readers[input] = _readers.GetValueOrDefault(input) + 1;
            }
        }
        foreach (Node node in _order)
        {
            if (IsScaledProduct(node) && !roots.Contains(node.Inputs[1]))
            {
                _absorbed.Add(node.Inputs[1]);
            }
        }

        var fusedReaders = new Dictionary<Node, bool>(ReferenceEqualityComparer.Instance);
        foreach (Node node in _order.Where(n => !_absorbed.Contains(n)))
        {
            foreach (Node input in Operands(node))
            {
                _uses[input] = _uses.GetValueOrDefault(input) + 1;
                bool fused = IsFusable(node) || node.Op is Sum or Norm;
                fusedReaders[input] = fusedReaders.GetValueOrDefault(input, true) && fused;
            }
        }

        var fusedDepth = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance);
        foreach (Node node in _order)
        {
            bool cheapLeaf = node.Op is Constant or DimValue or Identity;
            bool onlyFused = fusedReaders.GetValueOrDefault(node, false);
            int depth = 1 + node.Inputs.Select(i => fusedDepth.GetValueOrDefault(i)).DefaultIfEmpty().Max();
            if (!roots.Contains(node) && IsFusable(node) && onlyFused && depth <= MaxFusedDepth
                && (cheapLeaf || _uses.GetValueOrDefault(node) == 1))
            {
                _inlined.Add(node);
                fusedDepth[node] = depth;
            }
        }

        PlanAccumulations(roots);
        AssignOutputs();
        foreach (Node node in _order)
        {
            bool used = _uses.GetValueOrDefault(node) > 0 || roots.Contains(node);
            if (used && !_inlined.Contains(node) && !_absorbed.Contains(node))
            {
                _buffers[node] = Expression.Variable(typeof(double[]), $"n{node.Id}");
            }
        }
    }

    // A stored sum or difference with a product operand runs that product as GEMM with beta = 1
    // into its own buffer (A*B + C as C then += A*B), when nothing else reads the product.
    private void PlanAccumulations(HashSet<Node> roots)
    {
        foreach (Node node in _order)
        {
            if (node.Op is not (Add or Subtract) || _inlined.Contains(node)
                || node.Inputs.Any(i => i.Shape != node.Shape))
            {
                continue;
            }
            Node[] products = [.. node.Inputs.Where(i => IsProductLike(i) && !roots.Contains(i)
                && _readers.GetValueOrDefault(i) == 1)];
            if (products.Length > 0)
            {
                _accumulated[node] = products;
                _absorbed.UnionWith(products);
            }
        }
    }

    private bool IsProductLike(Node node) => node.Op is MatMul || IsAbsorbingProduct(node);

    // A gradient root gets the caller's array as its buffer when it is computed here (not an
    // input or a view of one) and no other root is the same node.
    private void AssignOutputs()
    {
        for (int r = 1; r < _roots.Count; r++)
        {
            Node root = _roots[r];
            bool computed = root.Op is not (Variable or Reshape);
            if (computed && _roots.Count(other => ReferenceEquals(other, root)) == 1)
            {
                _outputOf[root] = r - 1;
            }
        }
    }

    /// <summary>
    /// The nodes a node reads from storage or fused code. A product reads the operand of a
    /// transpose directly, with a flag, so the transpose itself is not read.
    /// </summary>
    private IEnumerable<Node> Operands(Node node)
    {
        if (node.Op is MatMul)
        {
            return node.Inputs.Select(i => i.Op is Transpose ? i.Inputs[0] : i);
        }
        if (IsAbsorbingProduct(node))
        {
            return [node.Inputs[0], .. Operands(node.Inputs[1])];
        }
        return node.Inputs;
    }

    // A node computed entry by entry, which can run inside its reader's loop; a scaled product
    // is a GEMM call, not a loop.
    private bool IsFusable(Node node) =>
        node.Op is ElementwiseOp or Broadcast or Transpose or Constant or DimValue or Identity
        && !IsAbsorbingProduct(node);

    private bool IsAbsorbingProduct(Node node) =>
        node.Op is Multiply && _absorbed.Contains(node.Inputs[1]);

    // c * (A*B) with a 1x1 c runs as one GEMM call with alpha = c, when nothing else reads A*B.
    private bool IsScaledProduct(Node node) =>
        node.Op is Multiply && node.Inputs[0].Shape.IsScalar && node.Inputs[1].Op is MatMul
        && _readers.GetValueOrDefault(node.Inputs[1]) == 1;
}

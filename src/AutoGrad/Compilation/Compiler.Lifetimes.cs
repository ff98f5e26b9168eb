using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Compilation;

internal sealed partial class Compiler
{
    private readonly Dictionary<Node, int> _slotOf = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<int, List<Node>> _dyingAt = [];
    private readonly List<int> _freeSlots = [];

    // Work buffers are planned by liveness: a buffer is free again once the last node that reads
    // it has been emitted, and a later node whose size is the same for every binding reuses it.
    private void PlanLifetimes()
    {
        var lastUse = new Dictionary<Node, int>(ReferenceEqualityComparer.Instance);
        for (int p = 0; p < _order.Count; p++)
        {
            Node node = _order[p];
            if (!_buffers.ContainsKey(node) || node.Op is Variable or Reshape)
            {
                continue;
            }
            foreach (Node read in StoredReads(node))
            {
                lastUse[read] = p;
            }
        }
        foreach (Node root in _roots)
        {
            lastUse[Storage(root)] = int.MaxValue;
        }
        foreach (var (node, p) in lastUse)
        {
            if (!_dyingAt.TryGetValue(p, out List<Node>? dying))
            {
                _dyingAt[p] = dying = [];
            }
            dying.Add(node);
        }
    }

    // The stored nodes whose buffers the emission of node reads, through fused and absorbed
    // nodes and through reshapes, which share their input's storage.
    private IEnumerable<Node> StoredReads(Node node)
    {
        foreach (Node operand in Operands(node))
        {
            if (_inlined.Contains(operand) || _absorbed.Contains(operand))
            {
                foreach (Node inner in StoredReads(operand))
                {
                    yield return inner;
                }
                continue;
            }
            yield return Storage(operand);
        }
    }

    private static Node Storage(Node node)
    {
        while (node.Op is Reshape)
        {
            node = node.Inputs[0];
        }
        return node;
    }

    private int TakeSlot(Node node)
    {
        int slot = _freeSlots.FindIndex(s => _workShapes[s].Count == node.Shape.Count);
        if (slot >= 0)
        {
            int reused = _freeSlots[slot];
            _freeSlots.RemoveAt(slot);
            _slotOf[node] = reused;
            return reused;
        }
        _workShapes.Add(node.Shape);
        _slotOf[node] = _workShapes.Count - 1;
        return _workShapes.Count - 1;
    }

    private void Release(int position)
    {
        if (!_dyingAt.TryGetValue(position, out List<Node>? dying))
        {
            return;
        }
        foreach (Node node in dying)
        {
            if (_slotOf.TryGetValue(node, out int slot))
            {
                _freeSlots.Add(slot);
            }
        }
    }
}

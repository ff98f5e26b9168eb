using AutoGrad.Graph;
using AutoGrad.Ops;

namespace AutoGrad.Simplification;

/// <summary>
/// A named local rewrite: given a node whose inputs are already simplified, it returns an equal
/// node that is simpler, or null when its pattern does not match.
/// </summary>
/// <param name="Name">The rule's name, as the diagnostics report it.</param>
/// <param name="Apply">The rewrite itself.</param>
internal sealed record RewriteRule(string Name, Func<Builder, Node, Node?> Apply);

/// <summary>A named group of rules applied together until none fires.</summary>
/// <param name="Name">The pass's name.</param>
/// <param name="Rules">Its rules, tried in order.</param>
internal sealed record Pass(string Name, IReadOnlyList<RewriteRule> Rules);

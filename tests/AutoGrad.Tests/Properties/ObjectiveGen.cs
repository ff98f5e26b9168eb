using System.Collections.Concurrent;
using CsCheck;

namespace AutoGrad.Tests.Properties;

/// <summary>
/// Random well-typed objectives over the operators and functions of the language. Each
/// expression is generated for a shape asked for (sizes 1, 3 and 4), so every product, expansion
/// and reduction fits; an expression asked to be positive is one of a few forms that stay
/// above 0 (exp(tanh(.)), (.).^2 + 1, 1 + sigmoid(.) and their sums, products and quotients),
/// so log, sqrt, ./ and fractional powers stay in their domains.
/// </summary>
internal static class ObjectiveGen
{
    /// <summary>The declarations every generated objective starts with.</summary>
    public const string Header =
        "A: 3 x 4; B: 4 x 3; S: 3 x 3; u: 3 x 1; v: 4 x 1; r: 1 x 4; w: 1 x 3; x: 1 x 1;\n";

    /// <summary>How deep the expressions nest.</summary>
    public const int Depth = 3;

    private static readonly int[] s_sizes = [1, 3, 4];

    private static readonly ConcurrentDictionary<(int, int, bool, int), Gen<string>> s_cache =
        new();

    /// <summary>The whole text of a 1x1 objective, declarations first.</summary>
    public static Gen<string> Objective { get; } = Gen.Frequency(
        (3, Of(1, 1, false, Depth).Select(e => Header + e)),
        (1, Gen.Select(Of(3, 4, false, Depth - 1), Of(1, 1, false, Depth - 1),
            (t, e) => $"{Header}t = {t};\n{e} + mean(t(:))")));

    /// <summary>An objective and a seed for the data it is evaluated at.</summary>
    public static Gen<(string Text, int DataSeed)> WithData { get; } =
        Gen.Select(Objective, Gen.Int[0, 1_000_000]);

    /// <summary>An expression of the given shape; positive ones have every entry above 0.</summary>
    public static Gen<string> Of(int rows, int cols, bool positive, int depth) =>
        s_cache.GetOrAdd((rows, cols, positive, depth), key => Build(key.Item1, key.Item2,
            key.Item3, key.Item4));

    private static Gen<string> Build(int rows, int cols, bool positive, int depth)
    {
        if (depth == 0)
        {
            return positive ? PositiveLeaf(rows, cols) : Leaf(rows, cols);
        }
        return positive ? Positive(rows, cols, depth) : Any(rows, cols, depth);
    }

    private static Gen<string> Leaf(int rows, int cols)
    {
        string name = (rows, cols) switch
        {
            (3, 4) => "A", (4, 3) => "B", (3, 3) => "S", (3, 1) => "u", (4, 1) => "v",
            (1, 4) => "r", (1, 3) => "w", (1, 1) => "x", (4, 4) => "(B*A)",
            _ => throw new ArgumentOutOfRangeException(nameof(rows)),
        };
        return rows == 1 && cols == 1
            ? Gen.OneOf<string>("x", "x", "0.5", "2", "-1.5")
            : Gen.Const(name);
    }

    private static Gen<string> PositiveLeaf(int rows, int cols) =>
        Leaf(rows, cols).SelectMany(leaf => Gen.OneOf<string>(
            $"exp(tanh({leaf}))", $"(({leaf}).^2 + 1)", $"(1 + sigmoid({leaf}))"));

    private static Gen<string> Positive(int rows, int cols, int depth)
    {
        Gen<string> any = Lazy(rows, cols, false, depth - 1);
        Gen<string> pos = Lazy(rows, cols, true, depth - 1);
        return Gen.Frequency(
            (2, PositiveLeaf(rows, cols)),
            (2, any.Select(a => $"exp(tanh({a}))")),
            (2, any.Select(a => $"(({a}).^2 + 1)")),
            (1, any.Select(a => $"(1 + sigmoid({a}))")),
            (1, Gen.Select(pos, pos, (p, q) => $"({p} + {q})")),
            (1, Gen.Select(pos, pos, (p, q) => $"({p} .* {q})")),
            (1, Gen.Select(pos, pos, (p, q) => $"({p} ./ {q})")),
            (1, Gen.Select(pos, pos, (p, q) => $"max({p}, {q})")),
            (1, pos.Select(p => $"sqrt({p})")),
            (1, Lazy(cols, rows, true, depth - 1).Select(p => $"({p})'")));
    }

    private static Gen<string> Any(int rows, int cols, int depth)
    {
        Gen<string> a = Lazy(rows, cols, false, depth - 1);
        Gen<string> p = Lazy(rows, cols, true, depth - 1);
        var choices = new List<(int, IGen<string>)>
        {
            (2, Leaf(rows, cols)),
            (2, Gen.Select(a, a, (l, r) => $"({l} + {r})")),
            (2, Gen.Select(a, a, (l, r) => $"({l} - {r})")),
            (2, Gen.Select(a, a, (l, r) => $"({l} .* {r})")),
            (1, Gen.Select(a, p, (l, r) => $"({l} ./ {r})")),
            (2, Expansions(rows, cols, depth)),
            (3, Products(rows, cols, depth)),
            (3, Unary(a, p)),
            (1, Lazy(cols, rows, false, depth - 1).SelectMany(t => Gen.OneOf<string>(
                $"({t})'", $"({t}).'", $"transpose({t})", $"reshape({t}, {rows}, {cols})"))),
            (1, Gen.Select(a, a, (l, r) => $"max({l}, {r})")),
            (1, Gen.Select(a, a, (l, r) => $"min({l}, {r})")),
            (1, Gen.Select(a, a, a, (l, r, s) => $"(({l} > {r}) .* {s})")),
        };
        choices.AddRange(Reductions(rows, cols, depth));
        choices.AddRange(Tilings(rows, cols, depth));
        choices.Add((1, a.SelectMany(x => Gen.OneOf<string>($"softmax({x})",
            $"softmax({x}, 2)", $"logsoftmax({x})", $"logsoftmax({x}, 'all')"))));
        if (rows == cols)
        {
            choices.Add((1, WellConditioned(rows, depth).SelectMany(m => Gen.OneOf<string>(
                $"inv({m})", $"({m} \\ eye({rows}))"))));
        }
        if (rows > 1)
        {
            choices.Add((1, Gen.Select(WellConditioned(rows, depth), a,
                (m, b) => $"({m} \\ {b})")));
        }
        if (cols > 1)
        {
            choices.Add((1, Gen.Select(a, WellConditioned(cols, depth),
                (b, m) => $"({b} / {m})")));
        }
        if (rows == 3 && cols == 3)
        {
            choices.Add((1, a.Select(s => $"({s})^2")));
        }
        return Gen.Frequency([.. choices]);
    }

    private static Gen<string> Unary(Gen<string> a, Gen<string> p) => Gen.OneOf<string>(
        a.Select(x => $"tanh({x})"),
        a.Select(x => $"sigmoid({x})"),
        a.Select(x => $"abs({x})"),
        a.Select(x => $"(sign({x}) .* {x})"),
        a.Select(x => $"(-{x})"),
        a.Select(x => $"({x}).^2"),
        a.Select(x => $"({x}).^3"),
        p.Select(x => $"log({x})"),
        p.Select(x => $"sqrt({x})"),
        p.Select(x => $"log1p({x})"),
        p.Select(x => $"({x}).^0.5"),
        p.Select(x => $"({x}).^-1"),
        p.Select(x => $"exp(-{x})"),
        a.Select(x => $"relu({x})"),
        a.Select(x => $"sin({x})"),
        a.Select(x => $"cos({x})"),
        a.Select(x => $"softplus({x})"),
        a.Select(x => $"expm1(tanh({x}))"),
        p.Select(x => $"log2({x})"),
        p.Select(x => $"log10({x})"),
        Gen.Select(p, a, (b, e) => $"power({b}, tanh({e}))"));

    // Implicit expansion: a 1x1, a column or a row against the whole shape.
    private static Gen<string> Expansions(int rows, int cols, int depth)
    {
        Gen<string> a = Lazy(rows, cols, false, depth - 1);
        var choices = new List<Gen<string>>
        {
            Gen.Select(Lazy(1, 1, false, depth - 1), a, (s, m) => $"({s} * {m})"),
            Gen.Select(a, Lazy(1, 1, false, depth - 1), (m, s) => $"({m} + {s})"),
            Gen.Select(a, Lazy(1, 1, true, depth - 1), (m, s) => $"({m} / {s})"),
        };
        if (cols > 1)
        {
            choices.Add(Gen.Select(Lazy(rows, 1, false, depth - 1), a, (c, m) => $"({c} + {m})"));
        }
        if (rows > 1)
        {
            choices.Add(Gen.Select(a, Lazy(1, cols, false, depth - 1), (m, r) => $"({m} .* {r})"));
        }
        return Gen.OneOf<string>([.. choices]);
    }

    private static Gen<string> Products(int rows, int cols, int depth) =>
        Gen.OneOf<int>(s_sizes).SelectMany(k => Gen.Frequency(
            (4, Gen.Select(Lazy(rows, k, false, depth - 1), Lazy(k, cols, false, depth - 1),
                (l, r) => $"({l} * {r})")),
            (1, Lazy(k, cols, false, depth - 1).Select(r => $"(ones({rows}, {k}) * {r})")),
            (1, Lazy(rows, cols, false, depth - 1).Select(r => $"(eye({rows}) * {r})"))));

    private static IEnumerable<(int, IGen<string>)> Reductions(int rows, int cols, int depth)
    {
        Gen<int> size = Gen.OneOf<int>(s_sizes);
        if (rows == 1 && cols == 1)
        {
            yield return (4, size.SelectMany(k => size.SelectMany(m =>
                Lazy(k, m, false, depth - 1).SelectMany(e => Gen.OneOf<string>(
                    $"sum({e}, 'all')", $"mean({e}, 'all')", $"sum(sum({e}, 1), 2)",
                    $"norm({e}, 'fro')", $"(numel({e}) * x)", $"(size({e}, 2) + x)")))));
            yield return (2, size.SelectMany(k => Lazy(k, 1, false, depth - 1)
                .SelectMany(e => Gen.OneOf<string>(
                    $"norm({e})", $"norm({e}, 1)", $"norm({e}, 2)"))));
            yield return (1, size.SelectMany(k => Lazy(k, k, false, depth - 1)
                .Select(e => $"trace({e})")));
            yield return (1, size.SelectMany(k => Gen.Select(Lazy(1, k, false, depth - 1),
                Lazy(k, 1, false, depth - 1), (l, r) => $"({l} * {r})")));
            yield return (1, Lazy(1, 1, true, depth - 1).SelectMany(p => Gen.OneOf<string>(
                $"({p})^0.5", $"({p})^2", $"2^({p})")));
            yield return (2, size.SelectMany(k => size.SelectMany(m =>
                Lazy(k, m, false, depth - 1).SelectMany(e => Gen.OneOf<string>(
                    $"logsumexp({e}, 'all')", $"max({e}, [], 'all')", $"min({e}, [], 'all')",
                    $"prod(tanh({e}), 'all')")))));
            yield return (1, Gen.OneOf<int>(3, 4).SelectMany(k => WellConditioned(k, depth)
                .SelectMany(m => Gen.OneOf<string>($"logdet({m})", $"det({m})",
                    $"sum(diag({m}))"))));
        }
        else if (cols == 1)
        {
            yield return (2, size.SelectMany(k => Lazy(rows, k, false, depth - 1)
                .SelectMany(e => Gen.OneOf<string>($"sum({e}, 2)", $"mean({e}, 2)",
                    $"logsumexp({e}, 2)", $"max({e}, [], 2)", $"prod(tanh({e}), 2)"))));
            yield return (1, Lazy(rows, rows, false, depth - 1).Select(e => $"diag({e})"));
        }
        else if (rows == 1)
        {
            yield return (2, size.SelectMany(k => Lazy(k, cols, false, depth - 1)
                .SelectMany(e => Gen.OneOf<string>($"sum({e}, 1)", $"mean({e}, 1)",
                    $"logsumexp({e}, 1)", $"min({e}, [], 1)"))));
        }
    }

    // Tiling a smaller operand up to rows x cols: repmat, repelem and kron.
    private static IEnumerable<(int, IGen<string>)> Tilings(int rows, int cols, int depth)
    {
        if (rows > 1 && cols > 1)
        {
            yield return (1, Lazy(1, cols, false, depth - 1).SelectMany(e => Gen.OneOf<string>(
                $"repmat({e}, {rows}, 1)", $"repelem({e}, {rows}, 1)")));
            yield return (1, Gen.Select(Lazy(rows, 1, false, depth - 1),
                Lazy(1, cols, false, depth - 1), (c, r) => $"kron({c}, {r})"));
        }
        if (rows * cols > 1)
        {
            yield return (1, Lazy(1, 1, false, depth - 1)
                .Select(e => $"repmat({e}, {rows}, {cols})"));
        }
    }

    // A k x k matrix 3*I + T*T' with |T| < 1 entrywise: symmetric, eigenvalues in [3, 3 + k].
    private static Gen<string> WellConditioned(int k, int depth) =>
        Lazy(k, k, false, depth - 1).Select(t => $"(3*eye({k}) + tanh({t})*tanh({t})')");

    // The cache is filled on first use, so a generator refers to its parts only when it runs.
    private static Gen<string> Lazy(int rows, int cols, bool positive, int depth) =>
        Gen.Const(0).SelectMany(_ => Of(rows, cols, positive, depth));
}

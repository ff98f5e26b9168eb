using static AutoGrad.Tests.Support.MatrixMath;

namespace AutoGrad.Tests.Support;

internal static partial class GradientTable
{
    // sum and mean in every form, and the centring that expands a mean back over its matrix.
    private static IEnumerable<GradientCase> Reductions() =>
    [
        new("sum by columns and by rows", "X: 3 x 4; sum(sum(X,1).^2) + sum(sum(X,2).^3)",
            Domain.Any)
        {
            ClosedForms = Closed(("X", v => 2 * Expand(SumColumns(v["X"]), 3, 4)
                + 3 * Expand(Map(SumRows(v["X"]), s => s * s), 3, 4))),
        },
        new("sum of all entries", "X: 3 x 4; sum(X.^2,'all')", Domain.Any)
        {
            ClosedForms = Closed(("X", v => 2 * v["X"])),
        },
        new("sum of a row sums it whole", "r: 1 x 5; sum(r.^2)", Domain.Any)
        {
            ClosedForms = Closed(("r", v => 2 * v["r"])),
        },
        new("sum of a column", "c: 5 x 1; sum(exp(c))", Domain.Small)
        {
            ClosedForms = Closed(("c", v => Map(v["c"], Math.Exp))),
        },
        new("row centring", "X: 5 x 3; sum(sum((X - mean(X)).^2))", Domain.Any)
        {
            ClosedForms = Closed(("X", v => 2 * (v["X"] - Expand(SumColumns(v["X"]) / 5, 5, 3)))),
        },
        new("mean of each row", "X: 3 x 5; sum(mean(X,2).^2)", Domain.Any)
        {
            ClosedForms = Closed(("X", v => Expand(2 * SumRows(v["X"]) / 25, 3, 5))),
        },
        new("mean of each column cubed", "X: 4 x 3; sum(mean(X,1).^3)", Domain.Any)
        {
            ClosedForms = Closed(("X", v =>
                Expand(Map(SumColumns(v["X"]) / 4, m => 3 * m * m / 4), 4, 3))),
        },
        new("mean of all entries", "X: 3 x 4; mean(X,'all')^2", Domain.Any)
        {
            ClosedForms = Closed(("X", v => Ones(3, 4) * (2 * SumAll(v["X"]) / 12 / 12))),
        },
        new("mean of a row", "r: 1 x 4; mean(r .* r)", Domain.Any)
        {
            ClosedForms = Closed(("r", v => v["r"] / 2)),
        },
    ];
}

using AutoGrad.Graph;

namespace AutoGrad.Diagnostics;

internal static partial class Errors
{
    internal static AutoGradException ElementwiseShapes(
        string op, Shape left, Shape right, SourceText? source, SourceSpan span) =>
        At(ErrorKind.Shape,
            $"shapes do not match in {op}: left is {left}, right is {right}; "
            + "each dimension must be equal, or 1 on one side", source, span);

    internal static AutoGradException OuterExpansion(
        string op, Shape left, Shape right, SourceText? source, SourceSpan span) =>
        At(ErrorKind.Shape,
            $"{op} would expand both a {left} and a {right} operand; "
            + "expand one explicitly with repmat(...) or ones(...) if an outer expansion is meant",
            source, span);

    internal static AutoGradException ProductShapes(
        Shape left, Shape right, SourceText? source, SourceSpan span) =>
        At(ErrorKind.Shape,
            $"inner dimensions differ in '*': left is {left}, right is {right} "
            + $"({left.Cols} columns against {right.Rows} rows); use '.*' for the elementwise product",
            source, span);

    private static string Entries(Shape shape) =>
        shape.Count.IsOne ? "1 entry" : $"{shape.Count} entries";

    internal static AutoGradException NotSquare(
        string op, Shape shape, SourceText? source, SourceSpan span) =>
        At(ErrorKind.Shape, $"{op} needs a square matrix, got {shape}", source, span);

    internal static AutoGradException SolveShapes(
        bool left, Shape a, Shape b, SourceText? source, SourceSpan span) =>
        At(ErrorKind.Shape, left
            ? $"A\\B needs as many rows in B as in A: A is {a}, B is {b}"
            : $"B/A needs as many columns in B as in A: B is {b}, A is {a}",
            source, span);

    internal static AutoGradException ReshapeCount(
        Shape from, Shape to, SourceText? source, SourceSpan span) =>
        At(ErrorKind.Shape,
            $"reshape cannot turn {from} ({Entries(from)}) into {to} ({Entries(to)})",
            source, span);

    internal static AutoGradException NotScalar(
        string what, Shape shape, SourceText? source, SourceSpan span) =>
        At(ErrorKind.Shape, $"{what} must be 1x1, but it is {shape}", source, span);

    internal static AutoGradException TooDeepGraph(int max, SourceText? source, SourceSpan span) =>
        At(ErrorKind.Limit,
            $"the objective chains more than {max} operations one after another; shorten the chain",
            source, span);

    internal static AutoGradException TooManyEntries(
        Shape shape, long max, SourceText? source, SourceSpan span) =>
        At(ErrorKind.Limit,
            $"a {shape} matrix has {shape.Count} entries; at most {max} are supported",
            source, span);

    internal static AutoGradException TooManyNodes(int max, SourceText? source, SourceSpan span) =>
        At(ErrorKind.Limit,
            $"the objective needs more than {max} graph nodes; split it or simplify it",
            source, span);
}

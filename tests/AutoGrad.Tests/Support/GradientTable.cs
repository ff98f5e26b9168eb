using MathNet.Numerics.LinearAlgebra;
using Values = System.Collections.Generic.IReadOnlyDictionary<
    string, MathNet.Numerics.LinearAlgebra.Matrix<double>>;

namespace AutoGrad.Tests.Support;

/// <summary>
/// The gradient table: objectives covering every operator and function of the language, each
/// with an input domain on which it is smooth. The differentiation and compilation tests run
/// every row; split by theme into partial files.
/// </summary>
internal static partial class GradientTable
{
    /// <summary>Every row, in a fixed order.</summary>
    public static IReadOnlyList<GradientCase> Rows { get; } =
        [
            .. Elementwise(), .. Functions(), .. Reductions(), .. Products(), .. Models(),
            .. Fusion(), .. Breadth(),
        ];

    /// <summary>The row named <paramref name="name"/>.</summary>
    public static GradientCase Row(string name) => Rows.Single(r => r.Name == name);

    private static Dictionary<string, Func<Values, Matrix<double>>> Closed(
        params (string Name, Func<Values, Matrix<double>> Gradient)[] gradients) =>
        gradients.ToDictionary(g => g.Name, g => g.Gradient);

    private static Dictionary<string, Domain> Domains(
        params (string Name, Domain Domain)[] domains) =>
        domains.ToDictionary(d => d.Name, d => d.Domain);

    private static Dictionary<string, int> Dims(params (string Name, int Size)[] dims) =>
        dims.ToDictionary(d => d.Name, d => d.Size);

    private static Dictionary<string, double> Constants(
        params (string Name, double Value)[] values) =>
        values.ToDictionary(c => c.Name, c => c.Value);

    private static Matrix<double> Scalar(double value) => Matrix<double>.Build.Dense(1, 1, value);

    // The gradient of a variable the objective does not read, or reads only through a
    // piecewise constant function.
    private static Matrix<double> ZeroGradient(int rows, int cols) =>
        Matrix<double>.Build.Dense(rows, cols);
}

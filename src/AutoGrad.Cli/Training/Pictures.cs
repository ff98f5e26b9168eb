using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using ScottPlot;

namespace AutoGrad.Cli.Training;

/// <summary>The PNG pictures of <c>autograd train</c>, drawn with ScottPlot.</summary>
internal static class Pictures
{
    private const int CellPixels = 8;
    private const int Border = 1;
    private const double LogSpan = 100;

    /// <summary>
    /// Draws each row of <paramref name="filters"/>, a <paramref name="height"/> x
    /// <paramref name="width"/> image stored row by row, as one tile of a grid, as UFLDL's
    /// display_network does: each tile scaled by its largest magnitude, so that 0 is mid-grey,
    /// positive weights lighter and negative ones darker, with black lines between tiles.
    /// </summary>
    public static void FilterGrid(string path, Matrix<double> filters, int height, int width)
    {
        int count = filters.RowCount;
        int across = (int)Math.Ceiling(Math.Sqrt(count));
        int down = (count + across - 1) / across;
        var grid = new double[Border + down * (height + Border), Border + across * (width + Border)];
        for (int r = 0; r < grid.GetLength(0); r++)
        {
            for (int c = 0; c < grid.GetLength(1); c++)
            {
                grid[r, c] = -1;
            }
        }
        for (int f = 0; f < count; f++)
        {
            Tile(grid, filters.Row(f), f / across, f % across, height, width);
        }
        Save(path, grid);
    }

    /// <summary>
    /// Plots <paramref name="values"/> against the iteration number; on a logarithmic value
    /// axis when they are positive and span more than two decades, so that the slow late
    /// progress stays visible beside the steep start.
    /// </summary>
    public static void LossCurve(string path, IReadOnlyList<double> values, string title)
    {
        var plot = new Plot();
        double[] xs = [.. Enumerable.Range(0, values.Count).Select(i => (double)i)];
        bool logarithmic = values.Count > 0 && values.Min() > 0
            && values.Max() / values.Min() > LogSpan;
        double[] ys = [.. values.Select(v => logarithmic ? Math.Log10(v) : v)];
        var line = plot.Add.ScatterLine(xs, ys);
        line.LineWidth = 2;
        if (logarithmic)
        {
            plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
            {
                MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
                IntegerTicksOnly = true,
                LabelFormatter = y => Math.Pow(10, y).ToString("G3", CultureInfo.InvariantCulture),
            };
        }
        plot.Title(title);
        plot.XLabel("L-BFGS iteration");
        plot.YLabel(logarithmic ? "objective value (log scale)" : "objective value");
        plot.SavePng(path, 640, 420);
    }

    private static void Tile(
        double[,] grid, Vector<double> filter, int row, int column, int height, int width)
    {
        double scale = filter.AbsoluteMaximum();
        scale = scale > 0 ? scale : 1;
        int top = Border + row * (height + Border);
        int left = Border + column * (width + Border);
        for (int r = 0; r < height; r++)
        {
            for (int c = 0; c < width; c++)
            {
                grid[top + r, left + c] = filter[r * width + c] / scale;
            }
        }
    }

    // One grid cell per square of CellPixels, grey from -1 (black) to 1 (white), no axes.
    private static void Save(string path, double[,] grid)
    {
        var plot = new Plot();
        var map = plot.Add.Heatmap(grid);
        map.Colormap = new ScottPlot.Colormaps.Grayscale();
        map.ManualRange = new ScottPlot.Range(-1, 1);
        plot.Layout.Frameless();
        plot.Axes.Margins(0, 0);
        plot.SavePng(path, grid.GetLength(1) * CellPixels, grid.GetLength(0) * CellPixels);
    }
}

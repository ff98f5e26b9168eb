namespace AutoGrad.Compilation;

/// <summary>
/// The compiled value-and-gradient function: reads the variables (column-major, in signature
/// order) and the named sizes, writes each gradient into its output array, uses the work
/// buffers for intermediates, and returns the objective's value.
/// </summary>
internal delegate double CompiledKernel(double[][] inputs, double[][] outputs, int[] dims, double[][] work);

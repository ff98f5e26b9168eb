using System.Runtime.ExceptionServices;

namespace AutoGrad.Runtime;

/// <summary>
/// Runs the recursive passes (simplification, printing, compiling) on a thread with a large
/// stack, so that an objective as deep as the limits allow never overflows the caller's stack,
/// which would kill the process.
/// </summary>
internal static class DeepStack
{
    /// <summary>The stack reserved for the work: address space, not memory, until it is used.</summary>
    private const int StackBytes = 512 * 1024 * 1024;

    [ThreadStatic]
    private static bool t_onDeepStack;

    /// <summary>The result of <paramref name="work"/>, run on a deep stack.</summary>
    public static T Run<T>(Func<T> work)
    {
        if (t_onDeepStack)
        {
            return work();
        }
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            t_onDeepStack = true;
            try
            {
                result = work();
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, StackBytes);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}

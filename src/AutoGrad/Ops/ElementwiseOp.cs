using System.Linq.Expressions;
using System.Reflection;

namespace AutoGrad.Ops;

/// <summary>
/// An op applied entry by entry. Its scalar kernel is one static method, <see cref="Kernel"/>,
/// which the interpreter calls and the compiler inlines into fused loops.
/// </summary>
public abstract record ElementwiseOp : Op
{
    /// <summary>The static method computing one entry of the result from entries of the inputs.</summary>
    internal abstract MethodInfo Kernel { get; }

    /// <summary>The expression for one entry, given the expressions for the inputs' entries.</summary>
    internal virtual Expression Emit(IReadOnlyList<Expression> entries) =>
        Expression.Call(Kernel, entries);

    /// <summary>The kernel method of <typeparamref name="T"/> named <paramref name="name"/>.</summary>
    private protected static MethodInfo KernelOf<T>(string name) =>
        typeof(T).GetMethod(name, BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
        ?? throw new InvalidOperationException($"{typeof(T).Name} has no kernel {name}");
}

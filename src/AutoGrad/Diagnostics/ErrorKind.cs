namespace AutoGrad.Diagnostics;

/// <summary>The family an <see cref="AutoGradException"/> belongs to.</summary>
public enum ErrorKind
{
    /// <summary>The text does not follow the grammar (an unexpected character or token).</summary>
    Syntax,

    /// <summary>A name that is neither declared, bound nor built in.</summary>
    UnknownName,

    /// <summary>Operand shapes that an operation cannot accept.</summary>
    Shape,

    /// <summary>A function called with the wrong number or kind of arguments.</summary>
    Argument,

    /// <summary>Data bound at compile or call time that is missing or does not fit.</summary>
    Binding,

    /// <summary>A file that cannot be read or is not in the expected format.</summary>
    Format,

    /// <summary>A feature of the language that is not implemented yet.</summary>
    NotSupported,

    /// <summary>An input that exceeds a documented limit (length, nesting, size).</summary>
    Limit,
}

namespace AutoGrad.Ops;

/// <summary>The relation a <see cref="Compare"/> node tests.</summary>
public enum Comparison
{
    /// <summary><c>a &lt; b</c></summary>
    Less,

    /// <summary><c>a &lt;= b</c></summary>
    LessOrEqual,

    /// <summary><c>a &gt; b</c></summary>
    Greater,

    /// <summary><c>a &gt;= b</c></summary>
    GreaterOrEqual,

    /// <summary><c>a == b</c></summary>
    Equal,

    /// <summary><c>a ~= b</c></summary>
    NotEqual,
}

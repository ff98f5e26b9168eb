using System.Globalization;
using System.Text;
using AutoGrad.Diagnostics;

namespace AutoGrad.Syntax;

/// <summary>
/// Splits objective text into tokens. As in MATLAB, a quote right after a value (a name, a
/// number, a closing parenthesis or another transpose) is the transpose operator and anywhere
/// else starts a string; <c>%</c> starts a comment; <c>...</c> continues a line; line breaks
/// inside parentheses are ignored, elsewhere they end a statement.
/// </summary>
internal sealed class Lexer
{
    /// <summary>The longest objective text accepted, a bound on compile cost.</summary>
    public const int MaxLength = 1_000_000;

    private static readonly string[] Operators =
    [
        "...", ".*", "./", ".^", ".'", ".\\", "==", "~=", "!=", "<=", ">=",
        "+", "-", "*", "/", "\\", "^", "(", ")", "[", "]", ",", ";", ":", "=", "<", ">", "~", "'",
    ];

    private readonly SourceText _source;
    private readonly string _text;
    private readonly List<Token> _tokens = [];
    private int _pos;
    private int _depth;

    private Lexer(SourceText source)
    {
        _source = source;
        _text = source.Text;
    }

    /// <summary>The tokens of <paramref name="source"/>, ending with an End token.</summary>
    public static List<Token> Tokenize(SourceText source)
    {
        if (source.Text.Length > MaxLength)
        {
            throw Errors.SourceTooLong(source.Text.Length, MaxLength);
        }
        var lexer = new Lexer(source);
        lexer.Run();
        return lexer._tokens;
    }

    private void Run()
    {
        bool spaceBefore = false;
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            if (c is ' ' or '\t' or '\r')
            {
                _pos++;
                spaceBefore = true;
                continue;
            }
            if (c == '%' || c == '#')
            {
                SkipLine();
                continue;
            }
            if (c == '\n')
            {
                if (_depth == 0)
                {
                    // A CRLF line ends where its \r is, one past the line's text.
                    int end = _pos > 0 && _text[_pos - 1] == '\r' ? _pos - 1 : _pos;
                    _tokens.Add(new Token(TokenKind.Newline, "\n", new SourceSpan(end, 1)));
                }
                _pos++;
                spaceBefore = false;
                continue;
            }
            LexToken(c, spaceBefore);
            spaceBefore = false;
        }
        _tokens.Add(new Token(TokenKind.End, "", new SourceSpan(_text.Length, 0)));
    }

    private void LexToken(char c, bool spaceBefore)
    {
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1))))
        {
            LexNumber();
        }
        else if (char.IsAsciiLetter(c) || c == '_')
        {
            LexIdentifier();
        }
        else if (c == '"' || (c == '\'' && !(FollowsValue() && !spaceBefore)))
        {
            LexString(c);
        }
        else if (_text.AsSpan(_pos).StartsWith("..."))
        {
            SkipLine();
            _pos = Math.Min(_pos + 1, _text.Length);
        }
        else
        {
            LexOperator();
        }
    }

    private bool FollowsValue()
    {
        if (_tokens.Count == 0)
        {
            return false;
        }
        Token last = _tokens[^1];
        return last.Kind is TokenKind.Number or TokenKind.Identifier
            || last.Is(")") || last.Is("]") || last.Is("'") || last.Is(".'");
    }

    private void LexNumber()
    {
        int start = _pos;
        SkipDigits();
        // "2.*x" is 2 .* x: a dot followed by an operator belongs to the operator.
        if (Peek(0) == '.' && Peek(1) is not ('*' or '/' or '^' or '\'' or '\\'))
        {
            _pos++;
            SkipDigits();
        }
        if (Peek(0) is 'e' or 'E')
        {
            int mark = _pos;
            _pos++;
            if (Peek(0) is '+' or '-')
            {
                _pos++;
            }
            if (char.IsAsciiDigit(Peek(0)))
            {
                SkipDigits();
            }
            else
            {
                _pos = mark;
            }
        }
        string text = _text[start.._pos];
        double value = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        _tokens.Add(new Token(TokenKind.Number, text, new SourceSpan(start, _pos - start), value));
    }

    private void LexIdentifier()
    {
        int start = _pos;
        while (char.IsAsciiLetterOrDigit(Peek(0)) || Peek(0) == '_')
        {
            _pos++;
        }
        Add(TokenKind.Identifier, start);
    }

    private void LexString(char quote)
    {
        int start = _pos;
        _pos++;
        var value = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Errors.UnterminatedString(_source, new SourceSpan(start, 1));
            }
            if (_text[_pos] == quote)
            {
                if (Peek(1) != quote)
                {
                    break;
                }
                _pos++;
            }
            value.Append(_text[_pos]);
            _pos++;
        }
        _pos++;
        var span = new SourceSpan(start, _pos - start);
        _tokens.Add(new Token(TokenKind.String, value.ToString(), span));
    }

    private void LexOperator()
    {
        foreach (string op in Operators)
        {
            if (string.CompareOrdinal(_text, _pos, op, 0, op.Length) == 0)
            {
                _depth += op is "(" or "[" ? 1 : op is ")" or "]" ? -1 : 0;
                _depth = Math.Max(_depth, 0);
                int start = _pos;
                _pos += op.Length;
                Add(TokenKind.Operator, start);
                return;
            }
        }
        // A character outside the basic plane (an emoji) is two chars; name it whole.
        Rune.DecodeFromUtf16(_text.AsSpan(_pos), out Rune rune, out int length);
        throw Errors.UnexpectedCharacter(rune, _source, new SourceSpan(_pos, length));
    }

    private void Add(TokenKind kind, int start) =>
        _tokens.Add(new Token(kind, _text[start.._pos], new SourceSpan(start, _pos - start)));

    private void SkipDigits()
    {
        while (char.IsAsciiDigit(Peek(0)))
        {
            _pos++;
        }
    }

    private void SkipLine()
    {
        while (_pos < _text.Length && _text[_pos] != '\n')
        {
            _pos++;
        }
    }

    private char Peek(int ahead) =>
        _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';
}

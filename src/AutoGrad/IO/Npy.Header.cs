using System.Text;
using AutoGrad.Diagnostics;

namespace AutoGrad.IO;

// The .npy header is a Python dict literal; it is parsed, never evaluated.
public static partial class Npy
{
    /// <summary>A value of the header dict together with its text, for error messages.</summary>
    private readonly record struct Entry(object? Value, string Text);

    /// <summary>
    /// Reads the part of Python's literal syntax that .npy headers use: dicts, tuples, lists,
    /// quoted strings, integers, True, False and None. Dicts become dictionaries of
    /// <see cref="Entry"/>, tuples arrays and lists <see cref="List{T}"/>.
    /// </summary>
    private sealed class HeaderParser(string text, string? file)
    {
        // Deep enough for any structured dtype; shallow enough that recursion cannot overflow.
        private const int MaxDepth = 32;

        private int _pos;
        private int _depth;

        public Dictionary<string, Entry> Parse()
        {
            SkipSpace();
            if (!Peek('{'))
            {
                throw Fail("'{'");
            }
            var dict = (Dictionary<string, Entry>)ReadValue()!;
            SkipSpace();
            if (_pos < text.Length)
            {
                throw Fail("the end of the header");
            }
            return dict;
        }

        private object? ReadValue()
        {
            SkipSpace();
            if (_pos == text.Length)
            {
                throw Fail("a value");
            }
            return text[_pos] switch
            {
                '{' => Nested(ReadDict),
                '(' => Nested(ReadTuple),
                '[' => Nested(ReadList),
                '\'' or '"' => ReadString(),
                '-' or '+' or (>= '0' and <= '9') => ReadInteger(),
                (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') => ReadName(),
                _ => throw Fail("a value"),
            };
        }

        private object? Nested(Func<object?> read)
        {
            if (++_depth > MaxDepth)
            {
                throw Errors.NpyHeaderTooDeep(file, MaxDepth);
            }
            _pos++;
            object? value = read();
            _depth--;
            return value;
        }

        private Dictionary<string, Entry> ReadDict()
        {
            var dict = new Dictionary<string, Entry>(StringComparer.Ordinal);
            ReadItems('}', () =>
            {
                if (!Peek('\'') && !Peek('"'))
                {
                    throw Fail("a quoted key");
                }
                string key = ReadString();
                Expect(':', "':'");
                SkipSpace();
                int start = _pos;
                object? value = ReadValue();
                if (!dict.TryAdd(key, new Entry(value, text[start.._pos])))
                {
                    throw Errors.NpyDuplicateKey(file, key);
                }
            });
            return dict;
        }

        // A single item without a comma is just a value in parentheses, as in Python.
        private object? ReadTuple()
        {
            var items = new List<object?>();
            bool trailingComma = ReadItems(')', () => items.Add(ReadValue()));
            return items.Count == 1 && !trailingComma ? items[0] : items.ToArray();
        }

        private List<object?> ReadList()
        {
            var items = new List<object?>();
            ReadItems(']', () => items.Add(ReadValue()));
            return items;
        }

        // Items separated by commas up to the closing bracket; returns whether a comma
        // followed the last item.
        private bool ReadItems(char close, Action readItem)
        {
            bool comma = false;
            while (!Accept(close))
            {
                readItem();
                comma = Accept(',');
                if (!comma)
                {
                    Expect(close, $"',' or '{close}'");
                    break;
                }
            }
            return comma;
        }

        private string ReadString()
        {
            char quote = text[_pos++];
            var value = new StringBuilder();
            while (_pos < text.Length && text[_pos] != quote)
            {
                char c = text[_pos++];
                if (c != '\\' || _pos == text.Length)
                {
                    value.Append(c);
                    continue;
                }
                char escaped = text[_pos++];
                _ = escaped switch
                {
                    'n' => value.Append('\n'),
                    't' => value.Append('\t'),
                    '\\' or '\'' or '"' => value.Append(escaped),
                    _ => value.Append('\\').Append(escaped),
                };
            }
            if (_pos == text.Length)
            {
                throw Fail($"the closing {quote}");
            }
            _pos++;
            return value.ToString();
        }

        private long ReadInteger()
        {
            int start = _pos;
            bool negative = text[_pos] == '-';
            if (text[_pos] is '-' or '+')
            {
                _pos++;
            }
            int first = _pos;
            long value = 0;
            bool overflow = false;
            for (; _pos < text.Length && char.IsAsciiDigit(text[_pos]); _pos++)
            {
                int d = text[_pos] - '0';
                overflow |= value > (long.MaxValue - d) / 10;
                value = overflow ? 0 : value * 10 + d;
            }
            if (_pos == first)
            {
                throw Fail("a digit");
            }
            if (overflow)
            {
                throw Fail("an integer below 2^63", start, text[start.._pos]);
            }

            // numpy under Python 2 wrote dimensions as longs: (3L, 4L).
            if (_pos < text.Length && text[_pos] is 'L' or 'l')
            {
                _pos++;
            }
            if (_pos < text.Length && (IsNameChar(text[_pos]) || text[_pos] == '.'))
            {
                throw Fail("the end of an integer");
            }
            return negative ? -value : value;
        }

        private object? ReadName()
        {
            int start = _pos;
            while (_pos < text.Length && IsNameChar(text[_pos]))
            {
                _pos++;
            }
            return text[start.._pos] switch
            {
                "True" => true,
                "False" => false,
                "None" => null,
                string name => throw Fail("True, False or None", start, $"'{name}'"),
            };
        }

        private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

        private bool Peek(char c) => _pos < text.Length && text[_pos] == c;

        private bool Accept(char c)
        {
            SkipSpace();
            if (!Peek(c))
            {
                return false;
            }
            _pos++;
            return true;
        }

        private void Expect(char c, string expected)
        {
            if (!Accept(c))
            {
                throw Fail(expected);
            }
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && text[_pos] is ' ' or '\t' or '\n' or '\r' or '\f')
            {
                _pos++;
            }
        }

        private AutoGradException Fail(string expected, int? at = null, string? found = null)
        {
            int position = at ?? _pos;
            found ??= position == text.Length ? "the end of the header" : Describe(text[position]);
            return Errors.NpyHeaderSyntax(file, expected, found, position + 1);
        }

        private static string Describe(char c) => c switch
        {
            '\'' => "\"'\"",
            _ when char.IsControl(c) => $"U+{(int)c:X4}",
            _ => $"'{c}'",
        };
    }
}

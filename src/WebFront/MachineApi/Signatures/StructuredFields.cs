using System.Globalization;
using System.Text;

namespace CaseGrains.MachineApi.Signatures;

/// <summary>
/// The part of RFC 8941 Structured Field Values that Signature-Input, Signature and Content-Digest need:
/// dictionaries whose members are items or inner lists, with parameters, over integers, decimals, strings,
/// tokens, byte sequences and booleans. Parsing follows section 4.2 and fails on anything it does not cover;
/// serialization follows section 4.1.
/// </summary>
/// <remarks>
/// Bare item values are held as <see cref="long"/> (integer), <see cref="decimal"/>, <see cref="string"/>,
/// <see cref="Token"/>, <see cref="T:byte[]"/> (byte sequence) or <see cref="bool"/>.
/// </remarks>
public static class StructuredFields
{
    /// <summary>An sf-token, kept apart from sf-string because the two serialize differently.</summary>
    public sealed record Token(string Value);

    /// <summary>An item: a bare value and its parameters, in order.</summary>
    public sealed record Item(object Value, IReadOnlyList<KeyValuePair<string, object>> Parameters);

    /// <summary>An inner list: items and the list's own parameters, in order.</summary>
    public sealed record InnerList(IReadOnlyList<Item> Items, IReadOnlyList<KeyValuePair<string, object>> Parameters);

    /// <summary>Parses a dictionary field value; each member's value is an <see cref="Item"/> or an <see cref="InnerList"/>.</summary>
    /// <exception cref="FormatException">The value is not a dictionary this parser understands.</exception>
    public static IReadOnlyList<KeyValuePair<string, object>> ParseDictionary(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new Parser(input).Dictionary();
    }

    /// <summary>Parses an item field value (RFC 8941 section 4.2.3), such as Idempotency-Key.</summary>
    /// <exception cref="FormatException">The value is not an item this parser understands.</exception>
    public static Item ParseItem(string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new Parser(input).TopLevelItem();
    }

    /// <summary>Serializes an sf-string: ASCII 0x20-0x7E, with '"' and '\' escaped.</summary>
    /// <exception cref="FormatException">A character a string cannot hold.</exception>
    public static string SerializeString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c is < ' ' or > '~')
            {
                throw new FormatException($"A structured-field string cannot hold U+{(int)c:X4}.");
            }

            if (c is '"' or '\\')
            {
                builder.Append('\\');
            }

            builder.Append(c);
        }

        return builder.Append('"').ToString();
    }

    /// <summary>Serializes an sf-binary: base64 between colons.</summary>
    public static string SerializeByteSequence(ReadOnlySpan<byte> value) => $":{Convert.ToBase64String(value)}:";

    /// <summary>Serializes an inner list with its parameters.</summary>
    public static string SerializeInnerList(InnerList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var builder = new StringBuilder("(");
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }

            builder.Append(SerializeBareItem(list.Items[i].Value));
            AppendParameters(builder, list.Items[i].Parameters);
        }

        builder.Append(')');
        AppendParameters(builder, list.Parameters);
        return builder.ToString();
    }

    /// <summary>Serializes a bare item value of one of the supported types.</summary>
    public static string SerializeBareItem(object value) => value switch
    {
        long integer when Math.Abs(integer) <= 999_999_999_999_999 => integer.ToString(CultureInfo.InvariantCulture),
        decimal number => SerializeDecimal(number),
        string text => SerializeString(text),
        Token token => token.Value,
        byte[] bytes => SerializeByteSequence(bytes),
        bool flag => flag ? "?1" : "?0",
        _ => throw new FormatException($"Cannot serialize {value} as a structured-field item."),
    };

    private static void AppendParameters(StringBuilder builder, IReadOnlyList<KeyValuePair<string, object>> parameters)
    {
        foreach (var (key, value) in parameters)
        {
            builder.Append(';').Append(key);
            if (value is not true)
            {
                builder.Append('=').Append(SerializeBareItem(value));
            }
        }
    }

    private static string SerializeDecimal(decimal number)
    {
        var rounded = Math.Round(number, 3, MidpointRounding.ToEven);
        if (Math.Abs(Math.Truncate(rounded)) > 999_999_999_999m)
        {
            throw new FormatException("A structured-field decimal has at most 12 integer digits.");
        }

        return rounded.ToString("0.0##", CultureInfo.InvariantCulture);
    }

    private sealed class Parser(string input)
    {
        // Trailing spaces are discarded (section 4.2 step 4), so parsing stops where they begin.
        private readonly int _end = input.TrimEnd(' ').Length;
        private int _pos;

        public List<KeyValuePair<string, object>> Dictionary()
        {
            SkipSpaces();
            var members = new List<KeyValuePair<string, object>>();
            while (!AtEnd)
            {
                var key = Key();
                object member;
                if (Peek == '=')
                {
                    _pos++;
                    member = Peek == '(' ? InnerList() : Item();
                }
                else
                {
                    member = new Item(true, Parameters());
                }

                // A repeated key overwrites the earlier value but keeps its place (section 4.2.2).
                var existing = members.FindIndex(m => m.Key == key);
                if (existing >= 0)
                {
                    members[existing] = new(key, member);
                }
                else
                {
                    members.Add(new(key, member));
                }

                SkipOws();
                if (AtEnd)
                {
                    break;
                }

                Expect(',');
                SkipOws();
                if (AtEnd)
                {
                    throw Fail("a trailing comma");
                }
            }

            return members;
        }

        public Item TopLevelItem()
        {
            SkipSpaces();
            var item = Item();
            if (!AtEnd)
            {
                throw Fail("characters after the item");
            }

            return item;
        }

        private bool AtEnd => _pos >= _end;

        private char Peek => _pos < _end ? input[_pos] : '\0';

        private InnerList InnerList()
        {
            Expect('(');
            var items = new List<Item>();
            while (true)
            {
                SkipSpaces();
                if (Peek == ')')
                {
                    _pos++;
                    return new InnerList(items, Parameters());
                }

                items.Add(Item());
                if (Peek is not (' ' or ')'))
                {
                    throw Fail("an inner list item not followed by a space or ')'");
                }
            }
        }

        private Item Item() => new(BareItem(), Parameters());

        private List<KeyValuePair<string, object>> Parameters()
        {
            var parameters = new List<KeyValuePair<string, object>>();
            while (Peek == ';')
            {
                _pos++;
                SkipSpaces();
                var key = Key();
                object value = true;
                if (Peek == '=')
                {
                    _pos++;
                    value = BareItem();
                }

                var existing = parameters.FindIndex(p => p.Key == key);
                if (existing >= 0)
                {
                    parameters[existing] = new(key, value);
                }
                else
                {
                    parameters.Add(new(key, value));
                }
            }

            return parameters;
        }

        private string Key()
        {
            var start = _pos;
            if (!(char.IsAsciiLetterLower(Peek) || Peek == '*'))
            {
                throw Fail("a key that does not start with a lower-case letter or '*'");
            }

            while (char.IsAsciiLetterLower(Peek) || char.IsAsciiDigit(Peek) || Peek is '_' or '-' or '.' or '*')
            {
                _pos++;
            }

            return input[start.._pos];
        }

        private object BareItem() => Peek switch
        {
            '-' or (>= '0' and <= '9') => Number(),
            '"' => String(),
            ':' => ByteSequence(),
            '?' => Boolean(),
            '*' => TokenValue(),
            _ when char.IsAsciiLetter(Peek) => TokenValue(),
            _ => throw Fail("an unknown item type"),
        };

        private object Number()
        {
            var start = _pos;
            if (Peek == '-')
            {
                _pos++;
            }

            var digitsStart = _pos;
            while (char.IsAsciiDigit(Peek))
            {
                _pos++;
            }

            var integerDigits = _pos - digitsStart;
            if (integerDigits == 0)
            {
                throw Fail("a number without digits");
            }

            if (Peek != '.')
            {
                if (integerDigits > 15)
                {
                    throw Fail("an integer of more than 15 digits");
                }

                return long.Parse(input.AsSpan(start, _pos - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            }

            if (integerDigits > 12)
            {
                throw Fail("a decimal of more than 12 integer digits");
            }

            _pos++;
            var fractionStart = _pos;
            while (char.IsAsciiDigit(Peek))
            {
                _pos++;
            }

            if (_pos - fractionStart is < 1 or > 3)
            {
                throw Fail("a decimal without 1 to 3 fractional digits");
            }

            return decimal.Parse(input.AsSpan(start, _pos - start), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        }

        private string String()
        {
            Expect('"');
            var builder = new StringBuilder();
            while (_pos < _end)
            {
                var c = input[_pos++];
                if (c == '\\')
                {
                    var escaped = _pos < _end ? input[_pos++] : '\0';
                    if (escaped is not ('"' or '\\'))
                    {
                        throw Fail("a string escape other than \\\" or \\\\");
                    }

                    builder.Append(escaped);
                }
                else if (c == '"')
                {
                    return builder.ToString();
                }
                else if (c is < ' ' or > '~')
                {
                    throw Fail("a string character outside ASCII 0x20-0x7E");
                }
                else
                {
                    builder.Append(c);
                }
            }

            throw Fail("an unterminated string");
        }

        private Token TokenValue()
        {
            var start = _pos;
            _pos++;
            while (IsTChar(Peek) || Peek is ':' or '/')
            {
                _pos++;
            }

            return new Token(input[start.._pos]);
        }

        private byte[] ByteSequence()
        {
            Expect(':');
            var start = _pos;
            while (char.IsAsciiLetterOrDigit(Peek) || Peek is '+' or '/' or '=')
            {
                _pos++;
            }

            var encoded = input[start.._pos];
            Expect(':');
            try
            {
                return Convert.FromBase64String(encoded);
            }
            catch (FormatException)
            {
                throw Fail("a byte sequence that is not base64");
            }
        }

        private bool Boolean()
        {
            Expect('?');
            var c = Peek;
            _pos++;
            return c switch
            {
                '1' => true,
                '0' => false,
                _ => throw Fail("a boolean other than ?0 or ?1"),
            };
        }

        private static bool IsTChar(char c) =>
            char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

        private void Expect(char c)
        {
            if (Peek != c)
            {
                throw Fail($"'{Peek}' where '{c}' belongs");
            }

            _pos++;
        }

        private void SkipSpaces()
        {
            while (Peek == ' ')
            {
                _pos++;
            }
        }

        private void SkipOws()
        {
            while (Peek is ' ' or '\t')
            {
                _pos++;
            }
        }

        private FormatException Fail(string what) => new($"Structured field: {what} at position {_pos}.");
    }
}

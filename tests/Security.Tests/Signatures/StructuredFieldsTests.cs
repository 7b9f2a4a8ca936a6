using CaseGrains.MachineApi.Signatures;
using static CaseGrains.MachineApi.Signatures.StructuredFields;

namespace CaseGrains.Security.Tests.Signatures;

public class StructuredFieldsTests
{
    [Fact]
    public void A_signature_input_dictionary_parses_to_inner_lists_with_parameters()
    {
        var members = ParseDictionary("sig1=(\"@method\" \"content-digest\");created=1618884473;keyid=\"k\\\"1\";flag, sig2=()");

        Assert.Equal(["sig1", "sig2"], members.Select(m => m.Key));
        var list = Assert.IsType<InnerList>(members[0].Value);
        Assert.Equal(["@method", "content-digest"], list.Items.Select(i => i.Value));
        Assert.Equal("created", list.Parameters[0].Key);
        Assert.Equal(1618884473L, list.Parameters[0].Value);
        Assert.Equal("k\"1", list.Parameters[1].Value);
        Assert.Equal(true, list.Parameters[2].Value);
        Assert.Empty(Assert.IsType<InnerList>(members[1].Value).Items);
    }

    [Fact]
    public void Items_of_every_supported_type_parse()
    {
        var members = ParseDictionary("a=1, b=-42, c=3.14, d=\"s\", e=tok/en:x, f=:AQID:, g=?0, h, i=*t");

        Assert.Equal(1L, Value(members, "a"));
        Assert.Equal(-42L, Value(members, "b"));
        Assert.Equal(3.14m, Value(members, "c"));
        Assert.Equal("s", Value(members, "d"));
        Assert.Equal(new Token("tok/en:x"), Value(members, "e"));
        Assert.Equal(new byte[] { 1, 2, 3 }, Value(members, "f"));
        Assert.Equal(false, Value(members, "g"));
        Assert.Equal(true, Value(members, "h"));
        Assert.Equal(new Token("*t"), Value(members, "i"));
    }

    [Fact]
    public void Spaces_and_tabs_around_members_are_allowed_where_rfc8941_allows_them()
    {
        var members = ParseDictionary("  a=1 ,\tb=2  ");
        Assert.Equal(["a", "b"], members.Select(m => m.Key));
    }

    [Fact]
    public void A_repeated_key_keeps_its_place_and_takes_the_last_value()
    {
        var members = ParseDictionary("a=1, b=2, a=3");
        Assert.Equal(["a", "b"], members.Select(m => m.Key));
        Assert.Equal(3L, Value(members, "a"));
    }

    [Fact]
    public void An_empty_field_is_an_empty_dictionary()
    {
        Assert.Empty(ParseDictionary(""));
        Assert.Empty(ParseDictionary("   "));
    }

    [Theory]
    [InlineData("a=1,")] // trailing comma
    [InlineData("A=1")] // keys are lower case
    [InlineData("a=\"open")] // unterminated string
    [InlineData("a=\"bad\\n\"")] // only \" and \\ escape
    [InlineData("a=1234567890123456")] // 16 digits
    [InlineData("a=1.2345")] // 4 fractional digits
    [InlineData("a=:not base64!:")]
    [InlineData("a=?2")]
    [InlineData("a=(1 2")] // unclosed inner list
    [InlineData("a=(1 2)x")] // junk after the list
    [InlineData("a=1 b=2")] // members need a comma
    [InlineData("a=é")]
    public void Malformed_fields_are_refused(string field)
    {
        Assert.Throws<FormatException>(() => ParseDictionary(field));
    }

    [Fact]
    public void Serialization_round_trips()
    {
        const string field = "(\"@method\" \"@target-uri\");created=1;nonce=\"n\\\\\\\"x\";alg=\"hmac-sha256\";f;t=tok;b=:AQID:;d=1.5";
        var parsed = Assert.IsType<InnerList>(ParseDictionary($"sig={field}")[0].Value);
        Assert.Equal(field, SerializeInnerList(parsed));
    }

    [Fact]
    public void Strings_escape_quotes_and_backslashes_and_refuse_other_characters()
    {
        Assert.Equal("\"a\\\"b\\\\c\"", SerializeString("a\"b\\c"));
        Assert.Throws<FormatException>(() => SerializeString("line\nbreak"));
        Assert.Throws<FormatException>(() => SerializeString("张三"));
    }

    [Fact]
    public void Bare_items_serialize_per_type()
    {
        Assert.Equal("?1", SerializeBareItem(true));
        Assert.Equal("2.0", SerializeBareItem(2m));
        Assert.Equal("-7", SerializeBareItem(-7L));
        Assert.Equal(":AQID:", SerializeBareItem(new byte[] { 1, 2, 3 }));
        Assert.Throws<FormatException>(() => SerializeBareItem(1_000_000_000_000_000L));
    }

    private static object Value(IReadOnlyList<KeyValuePair<string, object>> members, string key) =>
        Assert.IsType<Item>(members.Single(m => m.Key == key).Value).Value;
}

using CaseGrains.Identity;

namespace CaseGrains.Claims.Tests.Identity;

public class UnifiedSocialCreditCodeTests
{
    // The worked example of GB 32100-2015's check-character computation: 91350100M000100Y4Z is refused and the
    // right check character is 3 (sum 1640, 1640 mod 31 = 28, 31 - 28 = 3). Reproduced at
    // https://wddqw.com/doc/53f79e6a996648d7c1c708a1284ac850ad020467.html
    private const string StandardExample = "91350100M000100Y43";

    // Worked example at https://yizhanzhixiao.com/link/1796942066087784707.html (sum 1495, mod 31 = 17, 31 - 17 = 14 = E).
    private const string PublishedExample = "91512081MA62K0260E";

    [Theory]
    [InlineData(StandardExample)]
    [InlineData(PublishedExample)]
    public void Published_valid_codes_pass(string code)
    {
        Assert.True(UnifiedSocialCreditCode.IsValid(code));
    }

    [Fact]
    public void The_standards_refused_example_fails()
    {
        Assert.False(UnifiedSocialCreditCode.IsValid("91350100M000100Y4Z"));
    }

    [Fact]
    public void A_code_published_with_a_wrong_check_character_fails()
    {
        // Given as an example on http://galtzs.cn/wenda/detail/bd/100500013996 with a mistaken description of the
        // algorithm; the GB 32100 check character for its first 17 characters is 7, not K.
        Assert.False(UnifiedSocialCreditCode.IsValid("91310115MA1G4L1WXK"));
        Assert.Equal('7', UnifiedSocialCreditCode.CheckCharacterFor("91310115MA1G4L1WX"));
    }

    [Theory]
    [InlineData("91350100M000100Y4", '3')]
    [InlineData("91512081MA62K0260", 'E')]
    public void Check_character_is_computed(string first17, char expected)
    {
        Assert.Equal(expected, UnifiedSocialCreditCode.CheckCharacterFor(first17));
    }

    [Fact]
    public void Every_single_character_substitution_is_refused()
    {
        const string alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        foreach (var source in new[] { StandardExample, PublishedExample })
        {
            for (var i = 0; i < source.Length; i++)
            {
                foreach (var replacement in alphabet)
                {
                    if (replacement == source[i])
                    {
                        continue;
                    }

                    var changed = string.Concat(source.AsSpan(0, i), replacement.ToString(), source.AsSpan(i + 1));
                    Assert.False(UnifiedSocialCreditCode.IsValid(changed), $"{changed} (position {i + 1}) should be refused");
                }
            }
        }
    }

    [Fact]
    public void Swapping_two_adjacent_different_characters_is_refused()
    {
        for (var i = 0; i < StandardExample.Length - 1; i++)
        {
            if (StandardExample[i] == StandardExample[i + 1])
            {
                continue;
            }

            var chars = StandardExample.ToCharArray();
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            Assert.False(UnifiedSocialCreditCode.IsValid(new string(chars)));
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("91350100M000100Y4")]
    [InlineData("91350100M000100Y433")]
    [InlineData("91350100M00010OY43")] // letter O is not in the alphabet
    [InlineData("91350100M0001I0Y43")] // letter I is not in the alphabet
    [InlineData("9135A100M000100Y43")] // the region code is six digits
    [InlineData("91350100M000100Y4-")]
    public void Malformed_codes_fail(string? code)
    {
        Assert.False(UnifiedSocialCreditCode.IsValid(code));
    }

    [Fact]
    public void Letters_outside_the_alphabet_are_refused_even_with_a_matching_sum()
    {
        // S, V, Z, I and O never occur, wherever they are placed.
        foreach (var banned in "IOZSV")
        {
            Assert.False(UnifiedSocialCreditCode.IsValid(string.Concat(StandardExample.AsSpan(0, 8), banned.ToString(), StandardExample.AsSpan(9))));
        }
    }

    [Fact]
    public void Parsing_normalises_case_and_white_space_and_splits_the_parts()
    {
        Assert.True(UnifiedSocialCreditCode.TryParse("  91350100m000100y43 ", out var code));
        Assert.Equal(StandardExample, code.Value);
        Assert.Equal('9', code.RegistrationAuthority);
        Assert.Equal('1', code.OrganizationCategory);
        Assert.Equal("350100", code.RegionCode);
        Assert.Equal("M000100Y4", code.SubjectIdentifier);
        Assert.Equal('3', code.CheckCharacter);
        Assert.Equal(StandardExample, code.ToString());
    }

    [Fact]
    public void Check_character_refuses_bad_input()
    {
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.CheckCharacterFor("9135"));
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.CheckCharacterFor("91350100M000100O4"));
    }
}

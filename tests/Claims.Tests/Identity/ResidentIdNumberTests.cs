using CaseGrains.Identity;

namespace CaseGrains.Claims.Tests.Identity;

public class ResidentIdNumberTests
{
    // GB 11643-1999 Appendix A gives these examples (北京市朝阳区 and 广东省汕头市). Standard text:
    // https://zh.wikisource.org/wiki/GB_11643-1999_公民身份号码, examples quoted at
    // https://download.csdn.net/download/kudy21/2033732
    private const string BeijingExample = "11010519491231002X";
    private const string ShantouExample = "440524188001010014";

    [Theory]
    [InlineData(BeijingExample)]
    [InlineData(ShantouExample)]
    public void Published_valid_numbers_pass(string number)
    {
        Assert.True(ResidentIdNumber.IsValid(number));
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("44052418800101001", '4')]
    public void Check_character_is_computed(string first17, char expected)
    {
        Assert.Equal(expected, ResidentIdNumber.CheckCharacterFor(first17));
    }

    [Theory]
    [InlineData("110105194912310020")] // check character changed
    [InlineData("11010519491231003X")] // sequence digit changed
    [InlineData("21010519491231002X")] // address digit changed
    [InlineData("440524188001010015")]
    [InlineData("440524188001010114")]
    public void Single_character_changes_fail(string number)
    {
        Assert.False(ResidentIdNumber.IsValid(number));
    }

    [Fact]
    public void Every_single_digit_substitution_is_refused()
    {
        foreach (var source in new[] { BeijingExample, ShantouExample })
        {
            for (var i = 0; i < source.Length; i++)
            {
                foreach (var replacement in "0123456789X")
                {
                    if (replacement == source[i])
                    {
                        continue;
                    }

                    var changed = string.Concat(source.AsSpan(0, i), replacement.ToString(), source.AsSpan(i + 1));
                    Assert.False(ResidentIdNumber.IsValid(changed), $"{changed} (position {i + 1}) should be refused");
                }
            }
        }
    }

    [Fact]
    public void A_right_check_character_on_an_impossible_birth_date_fails()
    {
        // 1949-02-30 does not exist; give it the check character its digits would have.
        var first17 = "11010519490230002";
        var number = first17 + ResidentIdNumber.CheckCharacterFor(first17);
        Assert.False(ResidentIdNumber.IsValid(number));

        // Nor does month 13, nor a birth before 1800.
        first17 = "11010519491331002";
        Assert.False(ResidentIdNumber.IsValid(first17 + ResidentIdNumber.CheckCharacterFor(first17)));
        first17 = "11010517991231002";
        Assert.False(ResidentIdNumber.IsValid(first17 + ResidentIdNumber.CheckCharacterFor(first17)));
    }

    [Fact]
    public void A_leap_day_birth_is_accepted_only_in_a_leap_year()
    {
        var leap = "11010520000229002";
        Assert.True(ResidentIdNumber.IsValid(leap + ResidentIdNumber.CheckCharacterFor(leap)));
        var notLeap = "11010519000229002";
        Assert.False(ResidentIdNumber.IsValid(notLeap + ResidentIdNumber.CheckCharacterFor(notLeap)));
    }

    [Fact]
    public void A_birth_after_today_fails_when_today_is_given()
    {
        var first17 = "11010520300101002";
        var number = first17 + ResidentIdNumber.CheckCharacterFor(first17);
        Assert.True(ResidentIdNumber.IsValid(number));
        Assert.False(ResidentIdNumber.IsValid(number, new DateOnly(2025, 6, 1)));
        Assert.True(ResidentIdNumber.IsValid(BeijingExample, new DateOnly(2025, 6, 1)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("110105491231002")] // 15-digit GB 11643-1989 numbers carry no check character
    [InlineData("11010519491231002XX")]
    [InlineData("1101051949123100XX")]
    [InlineData("11010519491231002Y")]
    [InlineData("1101051949123１002X")] // a full-width digit
    public void Malformed_numbers_fail(string? number)
    {
        Assert.False(ResidentIdNumber.IsValid(number));
    }

    [Fact]
    public void Parsing_normalises_and_splits_the_parts()
    {
        Assert.True(ResidentIdNumber.TryParse(" 11010519491231002x ", out var id));
        Assert.Equal(BeijingExample, id.Value);
        Assert.Equal("110105", id.AddressCode);
        Assert.Equal(new DateOnly(1949, 12, 31), id.BirthDate);
        Assert.Equal("002", id.SequenceCode);
        Assert.False(id.IsOddSequence);
        Assert.Equal('X', id.CheckCharacter);

        Assert.True(ResidentIdNumber.TryParse(ShantouExample, out var other));
        Assert.True(other.IsOddSequence);
        Assert.Equal(new DateOnly(1880, 1, 1), other.BirthDate);
    }
}

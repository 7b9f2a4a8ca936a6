using CaseGrains.Identity;

namespace CaseGrains.Claims.Tests.Identity;

public class PersonalDataMaskTests
{
    [Theory]
    [InlineData("11010519491231002X", "110***********002X")]
    [InlineData("440524188001010014", "440***********0014")]
    [InlineData("4405 2418 8001 0100 14", "440***********0014")]
    public void Id_numbers_keep_the_first_three_and_last_four(string input, string expected)
    {
        Assert.Equal(expected, PersonalDataMask.IdNumber(input));
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("138-1234-5678", "138****5678")]
    [InlineData("138 1234 5678", "138****5678")]
    public void Phones_keep_the_first_three_and_last_four(string input, string expected)
    {
        Assert.Equal(expected, PersonalDataMask.Phone(input));
    }

    [Theory]
    [InlineData("6222021234567890123", "***************0123")]
    [InlineData("6222 0212 3456 7890", "************7890")]
    [InlineData("12345678", "****5678")]
    public void Bank_accounts_keep_the_last_four(string input, string expected)
    {
        Assert.Equal(expected, PersonalDataMask.BankAccount(input));
    }

    [Theory]
    [InlineData("1234567", "*******")]
    [InlineData("123", "***")]
    public void Short_values_are_masked_entirely(string input, string expected)
    {
        Assert.Equal(expected, PersonalDataMask.IdNumber(input));
        Assert.Equal(expected, PersonalDataMask.BankAccount(input));
        Assert.Equal(expected, PersonalDataMask.Phone(input));
    }

    [Fact]
    public void A_passport_number_is_too_short_to_show_seven_characters()
    {
        // 3 + 4 shown would leave only 2 of 9 hidden.
        Assert.Equal("*********", PersonalDataMask.IdNumber("E12345678"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Nothing_masks_to_nothing(string? input)
    {
        Assert.Equal(string.Empty, PersonalDataMask.IdNumber(input));
        Assert.Equal(string.Empty, PersonalDataMask.Phone(input));
        Assert.Equal(string.Empty, PersonalDataMask.BankAccount(input));
    }

    [Fact]
    public void A_mask_never_reveals_more_than_seven_characters_of_an_id()
    {
        var masked = PersonalDataMask.IdNumber("11010519491231002X");
        Assert.Equal(18, masked.Length);
        Assert.Equal(11, masked.Count(c => c == PersonalDataMask.MaskCharacter));
    }
}

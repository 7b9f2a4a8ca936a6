using System.Text;
using CaseGrains.Security.Totp;

namespace CaseGrains.Security.Tests.Totp;

public class TotpVerifierTests
{
    private static readonly byte[] Secret = Encoding.ASCII.GetBytes("12345678901234567890");

    // 1111111109 is step 0x23523EC, 29 seconds into it.
    private const long Now = 1111111109;
    private const long CurrentStep = 0x23523EC;

    private static string CodeAt(long step, TotpParameters? parameters = null) => TotpGenerator.Code(Secret, step, parameters);

    [Fact]
    public void The_current_code_is_accepted_and_its_step_returned()
    {
        var verifier = new TotpVerifier(ManualTimeProvider.AtUnixSeconds(Now));
        var result = verifier.Verify(Secret, CodeAt(CurrentStep), lastUsedStep: null);
        Assert.True(result.IsAccepted);
        Assert.Equal(CurrentStep, result.MatchedStep);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    public void One_step_either_side_is_forgiven(int offset)
    {
        var verifier = new TotpVerifier(ManualTimeProvider.AtUnixSeconds(Now));
        var result = verifier.Verify(Secret, CodeAt(CurrentStep + offset), lastUsedStep: null);
        Assert.Equal(TotpOutcome.Accepted, result.Outcome);
        Assert.Equal(CurrentStep + offset, result.MatchedStep);
    }

    [Fact]
    public void A_code_used_once_is_refused_the_second_time()
    {
        var verifier = new TotpVerifier(ManualTimeProvider.AtUnixSeconds(Now));
        var code = CodeAt(CurrentStep);
        var first = verifier.Verify(Secret, code, lastUsedStep: null);
        Assert.True(first.IsAccepted);

        var second = verifier.Verify(Secret, code, lastUsedStep: first.MatchedStep);
        Assert.Equal(TotpOutcome.Reused, second.Outcome);
        Assert.Equal(CurrentStep, second.MatchedStep);
    }

    [Fact]
    public void An_older_code_is_refused_after_a_newer_one()
    {
        var verifier = new TotpVerifier(ManualTimeProvider.AtUnixSeconds(Now));
        var result = verifier.Verify(Secret, CodeAt(CurrentStep - 1), lastUsedStep: CurrentStep);
        Assert.Equal(TotpOutcome.Reused, result.Outcome);
    }

    [Fact]
    public void The_next_steps_code_is_still_accepted_after_the_current_one()
    {
        var verifier = new TotpVerifier(ManualTimeProvider.AtUnixSeconds(Now));
        var result = verifier.Verify(Secret, CodeAt(CurrentStep + 1), lastUsedStep: CurrentStep);
        Assert.True(result.IsAccepted);
        Assert.Equal(CurrentStep + 1, result.MatchedStep);
    }

    [Fact]
    public void A_code_outside_the_window_is_expired()
    {
        var clock = ManualTimeProvider.AtUnixSeconds(Now);
        var verifier = new TotpVerifier(clock);
        var code = CodeAt(CurrentStep);

        clock.Now = clock.Now.AddSeconds(60); // two steps later: the code's step is now behind the window
        var result = verifier.Verify(Secret, code, lastUsedStep: null);
        Assert.Equal(TotpOutcome.Expired, result.Outcome);
        Assert.Equal(CurrentStep, result.MatchedStep);
        Assert.False(result.IsAccepted);
    }

    [Fact]
    public void A_code_from_long_ago_is_simply_invalid()
    {
        var verifier = new TotpVerifier(ManualTimeProvider.AtUnixSeconds(Now));
        var result = verifier.Verify(Secret, CodeAt(CurrentStep - 2 - TotpVerifier.ExpiredLookbackSteps), lastUsedStep: null);
        Assert.Equal(TotpOutcome.Invalid, result.Outcome);
        Assert.Null(result.MatchedStep);
    }

    [Fact]
    public void A_code_from_the_future_beyond_the_window_is_invalid()
    {
        var verifier = new TotpVerifier(ManualTimeProvider.AtUnixSeconds(Now));
        Assert.Equal(TotpOutcome.Invalid, verifier.Verify(Secret, CodeAt(CurrentStep + 2), lastUsedStep: null).Outcome);
    }

    [Fact]
    public void A_zero_window_accepts_only_the_current_step()
    {
        var verifier = new TotpVerifier(ManualTimeProvider.AtUnixSeconds(Now), new TotpParameters(Window: 0));
        Assert.True(verifier.Verify(Secret, CodeAt(CurrentStep, verifier.Parameters), null).IsAccepted);
        Assert.Equal(TotpOutcome.Expired, verifier.Verify(Secret, CodeAt(CurrentStep - 1, verifier.Parameters), null).Outcome);
        Assert.Equal(TotpOutcome.Invalid, verifier.Verify(Secret, CodeAt(CurrentStep + 1, verifier.Parameters), null).Outcome);
    }

    [Fact]
    public void Eight_digit_sha512_codes_verify()
    {
        var seed = Encoding.ASCII.GetBytes("1234567890123456789012345678901234567890123456789012345678901234");
        var parameters = new TotpParameters(TotpAlgorithm.Sha512, Digits: 8);
        var verifier = new TotpVerifier(ManualTimeProvider.AtUnixSeconds(Now), parameters);
        Assert.True(verifier.Verify(seed, "25091201", null).IsAccepted);
        Assert.Equal(TotpOutcome.Malformed, verifier.Verify(seed, "091201", null).Outcome);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345a")]
    [InlineData("１２３４５６")]
    public void Malformed_codes_are_refused_before_any_hmac(string? code)
    {
        var verifier = new TotpVerifier(ManualTimeProvider.AtUnixSeconds(Now));
        Assert.Equal(TotpOutcome.Malformed, verifier.Verify(Secret, code, null).Outcome);
    }

    [Fact]
    public void Spaces_in_a_typed_code_are_ignored()
    {
        var verifier = new TotpVerifier(ManualTimeProvider.AtUnixSeconds(Now));
        var code = CodeAt(CurrentStep);
        Assert.True(verifier.Verify(Secret, $"{code[..3]} {code[3..]}", null).IsAccepted);
    }

    [Fact]
    public void A_wrong_code_is_invalid()
    {
        var verifier = new TotpVerifier(ManualTimeProvider.AtUnixSeconds(Now));
        var right = CodeAt(CurrentStep);
        var wrong = (right[0] == '9' ? '0' : (char)(right[0] + 1)) + right[1..];
        Assert.Equal(TotpOutcome.Invalid, verifier.Verify(Secret, wrong, null).Outcome);
    }
}

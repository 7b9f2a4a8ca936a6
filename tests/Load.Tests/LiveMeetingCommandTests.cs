using CaseGrains.Load.Cli;

namespace CaseGrains.Load.Tests;

public sealed class LiveMeetingCommandTests
{
    [Theory]
    [InlineData("--rounds 0", "--rounds must be 1 or more")]
    [InlineData("--rounds 4 --no-noop", "cannot go with --no-noop")]
    [InlineData("--rounds 4 --ramp 3", "cannot go with --ramp")]
    public void Rounds_that_cannot_alternate_a_no_op_slice_with_a_vote_slice_are_refused_with_the_reason(string args, string reason)
    {
        var refused = Assert.Throws<ArgumentException>(() => LiveMeetingCommand.Options(new Arguments(args.Split(' ')), many: false));

        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rounds_are_read_and_the_scenario_says_how_long_each_slice_is()
    {
        var options = LiveMeetingCommand.Options(new Arguments(["--concurrency", "1000", "--duration", "30", "--rounds", "6"]), many: false);

        Assert.Equal(6, options.Rounds);
        Assert.Contains("in 6 rounds of a no-op slice and a vote slice, 5 s each", options.Describe(), StringComparison.Ordinal);
    }
}

using CaseGrains.Meetings.Voting;
using static CaseGrains.Meetings.Voting.VoteChoice;
using static CaseGrains.Voting.Tests.Roll;

namespace CaseGrains.Voting.Tests;

public sealed class VoteChangeTests
{
    /// <summary>
    /// What "a" (two claims, 7000) adds after its ballots: heads for/against/abstain, amounts for/against/abstain.
    /// b (3000) is against and c (1000) for throughout, so the resolution passes exactly when a's last ballot is for.
    /// </summary>
    public static TheoryData<VoteChoice[], int, int, int, long, long, long> Sequences => new()
    {
        { [For], 1, 0, 0, 7000, 0, 0 },
        { [For, Against], 0, 1, 0, 0, 7000, 0 },
        { [For, Against, Abstain], 0, 0, 1, 0, 0, 7000 },
        { [Against, For], 1, 0, 0, 7000, 0, 0 },
        { [For, For], 1, 0, 0, 7000, 0, 0 },
        { [Abstain, Against, For, Against], 0, 1, 0, 0, 7000, 0 },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void The_last_ballot_counts(VoteChoice[] ballots, int headsFor, int headsAgainst, int headsAbstain, long forFen, long againstFen, long abstainFen)
    {
        var tally = new Tally(VotingRoll.Create([V("a", Ord(3000), Ord(4000)), V("b", Ord(3000)), V("c", Ord(1000))]), ResolutionKind.Ordinary, VotingRuleSet.PrcEbl);
        tally.Record("b", Against);
        tally.Record("c", For);
        foreach (var ballot in ballots)
        {
            tally.Record("a", ballot);
        }

        var meeting = Assert.Single(tally.View().Classes);
        Assert.Equal(3, meeting.HeadsPresent);
        Assert.Equal((headsFor + 1, headsAgainst + 1, headsAbstain), (meeting.HeadsFor, meeting.HeadsAgainst, meeting.HeadsAbstain));
        Assert.Equal((forFen + 1000, againstFen + 3000, abstainFen), (meeting.AmountForFen, meeting.AmountAgainstFen, meeting.AmountAbstainFen));
        Assert.Equal(3, tally.VotesRecorded);
        Assert.Equal(ballots[^1], tally.ChoiceOf("a"));
        Assert.Equal(headsFor == 1, tally.Evaluate().Passed);
    }

    [Fact]
    public void Checking_in_twice_or_after_voting_changes_nothing()
    {
        var tally = new Tally(VotingRoll.Create([V("a", Ord(1)), V("b", Ord(1))]), ResolutionKind.Ordinary, VotingRuleSet.PrcEbl);
        tally.MarkPresent("a");
        tally.MarkPresent("a");
        tally.Record("a", For);
        tally.MarkPresent("a");
        var meeting = Assert.Single(tally.View().Classes);
        Assert.Equal((1, 1), (meeting.HeadsPresent, meeting.HeadsFor));
        Assert.True(tally.IsPresent("a"));
        Assert.False(tally.IsPresent("b"));
        Assert.Null(tally.ChoiceOf("b"));
    }
}

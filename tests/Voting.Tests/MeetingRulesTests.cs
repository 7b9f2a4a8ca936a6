using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Runtime;

namespace CaseGrains.Voting.Tests;

/// <summary>What a meeting's agenda, its powers of attorney and its hashes must look like.</summary>
public sealed class MeetingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static ScheduleMeeting Meeting(params ResolutionDraft[] agenda) =>
        new("case", "第一次债权人会议", Now, agenda, VotingRuleSet.PrcEbl, TallyVisibility.Live, "admin");

    public static TheoryData<ResolutionDraft, string> BadDrafts => new()
    {
        { new("r1", "x", ResolutionKind.Ordinary, AdjustsEquity: true), "agenda[0].adjustsEquity" },
        { new("r1", "x", ResolutionKind.DistributionPlan, SmallAmountThresholdFen: 100), "agenda[0].smallAmountThresholdFen" },
        { new("r1", "x", ResolutionKind.ReorganizationPlan, SmallAmountThresholdFen: -1), "agenda[0].smallAmountThresholdFen" },
        { new("r1", "x", ResolutionKind.Ordinary, ClosesAt: Now), "agenda[0].closesAt" },
        { new("r1", "x", ResolutionKind.Ordinary, OpensAt: Now.AddHours(2), ClosesAt: Now.AddHours(1)), "agenda[0].closesAt" },
        { new("r1", "x", ResolutionKind.Ordinary, OpensAt: Now.AddHours(1), ClosesAt: Now.AddHours(1)), "agenda[0].closesAt" },
        { new("r1", "", ResolutionKind.Ordinary), "agenda[0].title" },
    };

    [Theory]
    [MemberData(nameof(BadDrafts))]
    public void A_bad_agenda_item_is_refused_naming_its_field(ResolutionDraft draft, string field)
    {
        var refusal = Assert.Throws<RuleViolationException>(() => MeetingRules.Validate(Meeting(draft), Now));
        Assert.Equal((RuleViolation.Invalid, field), (refusal.Kind, refusal.Field));
    }

    [Fact]
    public void A_plan_that_adjusts_equity_with_a_small_amount_class_and_a_window_is_accepted() =>
        MeetingRules.Validate(Meeting(new ResolutionDraft("plan", "重整计划", ResolutionKind.ReorganizationPlan, AdjustsEquity: true,
            SmallAmountThresholdFen: 1_000_000, OpensAt: Now.AddHours(1), ClosesAt: Now.AddHours(3))), Now);

    [Theory]
    [InlineData(Hash, Hash)]
    [InlineData("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08", Hash)]
    public void A_sha256_is_kept_in_lowercase(string given, string kept) => Assert.Equal(kept, MeetingRules.Sha256(given, "scanSha256"));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a0g")]
    [InlineData("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a088")]
    public void Anything_but_64_hex_characters_is_no_sha256(string? given)
    {
        var refusal = Assert.Throws<RuleViolationException>(() => MeetingRules.Sha256(given, "scanSha256"));
        Assert.Equal("scanSha256", refusal.Field);
    }

    public static TheoryData<RecordProxy, string> BadProxies => new()
    {
        { new("rep", [], null, Hash, "admin"), "principalIds" },
        { new("rep", ["a", "a"], null, Hash, "admin"), "principalIds[1]" },
        { new("rep", ["a", ""], null, Hash, "admin"), "principalIds[1]" },
        { new("rep", ["rep"], null, Hash, "admin"), "principalIds[0]" },
        { new("rep", ["a"], [], Hash, "admin"), "resolutionIds" },
        { new("", ["a"], null, Hash, "admin"), "representativeId" },
    };

    [Theory]
    [MemberData(nameof(BadProxies))]
    public void A_bad_power_of_attorney_is_refused_naming_its_field(RecordProxy proxy, string field)
    {
        var refusal = Assert.Throws<RuleViolationException>(() => MeetingRules.Validate(proxy));
        Assert.Equal((RuleViolation.Invalid, field), (refusal.Kind, refusal.Field));
    }
}

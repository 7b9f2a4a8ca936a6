using CaseGrains.Meetings.Voting;
using static CaseGrains.Meetings.Voting.ResolutionKind;
using static CaseGrains.Meetings.Voting.VoteChoice;
using static CaseGrains.Meetings.Voting.VotingRuleSet;
using static CaseGrains.Voting.Tests.Roll;

namespace CaseGrains.Voting.Tests;

/// <summary>The exact edges of "过半数" (strictly more than half) and "以上" (the bound included), Civil Code 1259.</summary>
public sealed class BoundaryTests
{
    private static readonly Scenario[] Scenarios =
    [
        new("EBL 64: exactly one half of the unsecured total passes", [V("a", Ord(4999)), V("b", Ord(1)), V("c", Ord(5000))], Ordinary, PrcEbl,
            [("a", For), ("b", For), ("c", Against)], true, [new(2, 3, true), new(5000, 10000, true)]),
        new("EBL 64: one fen below one half fails", [V("a", Ord(4998)), V("b", Ord(1)), V("c", Ord(5001))], Ordinary, PrcEbl,
            [("a", For), ("b", For), ("c", Against)], false, [new(2, 3, true), new(4999, 10000, false)]),
        new("EBL 97: exactly two thirds passes the settlement", [V("a", Ord(5999)), V("b", Ord(1)), V("c", Ord(3000))], SettlementAgreement, PrcEbl,
            [("a", For), ("b", For), ("c", Against)], true, [new(2, 3, true), new(6000, 9000, true)]),
        new("EBL 97: one fen below two thirds fails", [V("a", Ord(5998)), V("b", Ord(1)), V("c", Ord(3001))], SettlementAgreement, PrcEbl,
            [("a", For), ("b", For), ("c", Against)], false, [new(2, 3, true), new(5999, 9000, false)]),
        new("EBL 84: exactly two thirds of a class total passes", [V("a", Ord(2)), V("b", Ord(1))], ReorganizationPlan, PrcEbl,
            [("a", For)], true, [new(1, 1, true), new(2, 3, true)]),
        new("EBL 84: one fen below two thirds of a class total fails", [V("a", Ord(1999)), V("b", Ord(1001))], ReorganizationPlan, PrcEbl,
            [("a", For), ("b", Against)], false, [new(1, 2, false), new(1999, 3000, false)]),
        new("A tie in heads (exactly half) fails", [V("a", Ord(9000)), V("b", Ord(1000))], Ordinary, PrcEbl,
            [("a", For), ("b", Against)], false, [new(1, 2, false), new(9000, 10000, true)]),
        new("Abstaining counts as present and not agreeing", [V("a", Ord(9000)), V("b", Ord(1000))], Ordinary, PrcEbl,
            [("a", For), ("b", Abstain)], false, [new(1, 2, false), new(9000, 10000, true)]),
        new("Checking in without a ballot counts as present and not agreeing", [V("a", Ord(9000)), V("b", Ord(1000))], Ordinary, PrcEbl,
            [("a", For)], false, [new(1, 2, false), new(9000, 10000, true)], CheckedIn: ["b"]),
        new("The denominator is every unsecured claim, not only those present", [V("a", Ord(4000)), V("b", Ord(6000))], Ordinary, PrcEbl,
            [("a", For)], false, [new(1, 1, true), new(4000, 10000, false)]),
        new("A secured creditor that waived priority counts in full as unsecured", [V("a", Sec(8000, 8000, waived: true)), V("b", Ord(2000)), V("c", Ord(1000))], Ordinary, PrcEbl,
            [("a", For), ("b", Against), ("c", For)], true, [new(2, 3, true), new(9000, 11000, true)]),
        new("A secured creditor that kept priority counts by head with only its uncovered part", [V("a", Sec(8000, 8000)), V("b", Ord(2000)), V("c", Ord(1000))], Ordinary, PrcEbl,
            [("a", For), ("b", Against), ("c", For)], false, [new(2, 3, true), new(1000, 3000, false)]),
        new("A creditor with several claims counts once by head with their sum", [V("a", Ord(3000), Ord(3000), Tax(500)), V("b", Ord(1000))], Ordinary, PrcEbl,
            [("a", For), ("b", Against)], false, [new(1, 2, false), new(6500, 7500, true)]),
        new("An undetermined claim votes with the court's provisional amount", [V("a", Undetermined(9000, 2000)), V("b", Ord(3000)), V("c", Ord(1000))], Ordinary, PrcEbl,
            [("a", For), ("b", Against), ("c", For)], true, [new(2, 3, true), new(3000, 6000, true)]),
        new("An undetermined claim without a provisional amount is outside the denominator", [V("a", Undetermined(9000, null)), V("b", Ord(1000))], Ordinary, PrcEbl,
            [("b", For)], true, [new(1, 1, true), new(1000, 1000, true)]),
        new("Employee claims are outside an EBL 64 vote", [V("e", Emp(5000)), V("a", Ord(1000))], Ordinary, PrcEbl,
            [("a", For)], true, [new(1, 1, true), new(1000, 1000, true)]),
        new("EBL 59(3): only the uncovered part of a secured claim votes on the settlement", [V("a", Sec(5000, 3000)), V("b", Ord(1000)), V("c", Ord(1000))], SettlementAgreement, PrcEbl,
            [("a", For), ("b", For), ("c", Against)], true, [new(2, 3, true), new(3000, 4000, true)]),
        new("Nobody present: no head majority", [V("a", Ord(1))], Ordinary, PrcEbl,
            [], false, [new(0, 0, false), new(0, 1, false)]),
        // 3 × 6e18 does not fit in a long: the comparison must not overflow.
        new("Near the 64-bit limit, exactly two thirds still passes",
            [V("a", Ord(5_999_999_999_999_999_999)), V("b", Ord(1)), V("c", Ord(3_000_000_000_000_000_000))], SettlementAgreement, PrcEbl,
            [("a", For), ("b", For), ("c", Against)], true,
            [new(2, 3, true), new(6_000_000_000_000_000_000, 9_000_000_000_000_000_000, true)]),
        new("Near the 64-bit limit, one fen below two thirds fails",
            [V("a", Ord(5_999_999_999_999_999_998)), V("b", Ord(1)), V("c", Ord(3_000_000_000_000_000_001))], SettlementAgreement, PrcEbl,
            [("a", For), ("b", For), ("c", Against)], false,
            [new(2, 3, true), new(5_999_999_999_999_999_999, 9_000_000_000_000_000_000, false)]),
        new("US: exactly two thirds in amount of those voting accepts", [V("a", Ord(2000)), V("b", Ord(1000)), V("c", Ord(50000))], Ordinary, UsChapter11,
            [("a", For), ("b", Against)], false, [new(2000, 3000, true), new(1, 2, false)]),
    ];

    public static TheoryData<string> Names => Scenario.Names(Scenarios);

    [Theory]
    [MemberData(nameof(Names))]
    public void Counts_exactly(string name) => Scenario.AssertOutcome(Scenarios.Single(s => s.Name == name));
}

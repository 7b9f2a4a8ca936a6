using CaseGrains.Claims.Rules;
using CaseGrains.Runtime;

namespace CaseGrains.Claims.Tests.Rules;

public class ClaimLifecycleTests
{
    private const long Declared = 1_000_000;

    public static TheoryData<ClaimStatus, ClaimActionKind, ClaimStatus> AllowedTransitions => new()
    {
        { ClaimStatus.Declared, ClaimActionKind.StartReview, ClaimStatus.UnderReview },
        { ClaimStatus.Declared, ClaimActionKind.Withdraw, ClaimStatus.Withdrawn },
        { ClaimStatus.UnderReview, ClaimActionKind.Confirm, ClaimStatus.Confirmed },
        { ClaimStatus.UnderReview, ClaimActionKind.PartiallyConfirm, ClaimStatus.PartiallyConfirmed },
        { ClaimStatus.UnderReview, ClaimActionKind.Reject, ClaimStatus.Rejected },
        { ClaimStatus.UnderReview, ClaimActionKind.Withdraw, ClaimStatus.Withdrawn },
        { ClaimStatus.Confirmed, ClaimActionKind.Object, ClaimStatus.Disputed },
        { ClaimStatus.Confirmed, ClaimActionKind.Withdraw, ClaimStatus.Withdrawn },
        { ClaimStatus.PartiallyConfirmed, ClaimActionKind.Object, ClaimStatus.Disputed },
        { ClaimStatus.PartiallyConfirmed, ClaimActionKind.Withdraw, ClaimStatus.Withdrawn },
        { ClaimStatus.Rejected, ClaimActionKind.Object, ClaimStatus.Disputed },
        { ClaimStatus.Rejected, ClaimActionKind.Withdraw, ClaimStatus.Withdrawn },
    };

    [Theory]
    [MemberData(nameof(AllowedTransitions))]
    public void Each_allowed_transition_leads_where_EBL_57_58_say(ClaimStatus from, ClaimActionKind kind, ClaimStatus expected)
    {
        Assert.Equal(expected, ClaimLifecycle.Next(from, Action(kind)));
        Assert.True(ClaimLifecycle.Allows(from, kind));
    }

    [Theory]
    [InlineData(1_000_000, ClaimStatus.Confirmed)]
    [InlineData(999_999, ClaimStatus.PartiallyConfirmed)]
    [InlineData(1, ClaimStatus.PartiallyConfirmed)]
    [InlineData(0, ClaimStatus.Rejected)]
    public void The_courts_ruling_decides_a_disputed_claim_by_its_amount(long confirmedFen, ClaimStatus expected)
    {
        Assert.Equal(expected, ClaimLifecycle.Next(ClaimStatus.Disputed, ClaimAction.RuleOnObjection(confirmedFen, Declared)));
    }

    public static TheoryData<ClaimStatus, ClaimActionKind> RefusedTransitions()
    {
        var data = new TheoryData<ClaimStatus, ClaimActionKind>();
        foreach (var status in Enum.GetValues<ClaimStatus>())
        {
            foreach (var kind in Enum.GetValues<ClaimActionKind>())
            {
                var allowed = AllowedTransitions.Any(row => (ClaimStatus)row[0] == status && (ClaimActionKind)row[1] == kind)
                    || (status == ClaimStatus.Disputed && kind == ClaimActionKind.RuleOnObjection);
                if (!allowed)
                {
                    data.Add(status, kind);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedTransitions))]
    public void Every_other_transition_is_refused_as_a_conflict_on_status(ClaimStatus from, ClaimActionKind kind)
    {
        var refusal = Assert.Throws<RuleViolationException>(() => ClaimLifecycle.Next(from, Action(kind)));
        Assert.Equal(RuleViolation.Conflict, refusal.Kind);
        Assert.Equal("status", refusal.Field);
        Assert.StartsWith("cannot ", refusal.Message, StringComparison.Ordinal);
        Assert.False(ClaimLifecycle.Allows(from, kind));
    }

    [Fact]
    public void The_table_has_the_expected_size()
    {
        // 7 statuses × 7 actions: 12 fixed transitions and the court's ruling are allowed, the other 36 refused.
        Assert.Equal(36, RefusedTransitions().Count());
    }

    [Theory]
    [InlineData(ClaimActionKind.Confirm, "cannot confirm a withdrawn claim")]
    [InlineData(ClaimActionKind.StartReview, "cannot start reviewing a withdrawn claim")]
    [InlineData(ClaimActionKind.Object, "cannot object to a withdrawn claim")]
    [InlineData(ClaimActionKind.Withdraw, "cannot withdraw a withdrawn claim")]
    public void A_withdrawn_claim_is_final(ClaimActionKind kind, string message)
    {
        var refusal = Assert.Throws<RuleViolationException>(() => ClaimLifecycle.Next(ClaimStatus.Withdrawn, Action(kind)));
        Assert.Equal(message, refusal.Message);
    }

    [Theory]
    [InlineData(ClaimStatus.Declared)]
    [InlineData(ClaimStatus.UnderReview)]
    public void No_objection_before_a_review_result(ClaimStatus status)
    {
        var refusal = Assert.Throws<RuleViolationException>(() => ClaimLifecycle.Next(status, ClaimAction.Object));
        Assert.Contains("EBL 58", refusal.Message, StringComparison.Ordinal);
        Assert.StartsWith("cannot object to ", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_decision_without_review()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => ClaimLifecycle.Next(ClaimStatus.Declared, ClaimAction.Confirm));
        Assert.Equal("cannot confirm a declared claim: the administrator reviews a claim before deciding it (EBL 57); start the review first", refusal.Message);
    }

    [Fact]
    public void The_administrator_cannot_decide_a_claim_the_court_has()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => ClaimLifecycle.Next(ClaimStatus.Disputed, ClaimAction.Reject));
        Assert.Equal("cannot reject a disputed claim: the objection is before the court, and only the court's ruling decides it", refusal.Message);
    }

    [Fact]
    public void A_ruling_needs_an_objection()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => ClaimLifecycle.Next(ClaimStatus.Confirmed, ClaimAction.RuleOnObjection(5, Declared)));
        Assert.Equal("cannot rule on an objection to a confirmed claim: there is no objection before the court", refusal.Message);
    }

    [Fact]
    public void A_second_objection_is_refused_while_the_first_is_in_court()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => ClaimLifecycle.Next(ClaimStatus.Disputed, ClaimAction.Object));
        Assert.Contains("already before the court", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finished_review_is_not_restarted()
    {
        var refusal = Assert.Throws<RuleViolationException>(() => ClaimLifecycle.Next(ClaimStatus.Rejected, ClaimAction.StartReview));
        Assert.Equal("cannot start reviewing a rejected claim: its review is finished; whoever disagrees objects and the court decides (EBL 58)", refusal.Message);
    }

    [Theory]
    [InlineData(-1, 100, "confirmedFen")]
    [InlineData(101, 100, "confirmedFen")]
    [InlineData(0, 0, "declaredFen")]
    [InlineData(0, -5, "declaredFen")]
    public void A_ruling_with_impossible_amounts_is_invalid(long confirmedFen, long declaredFen, string field)
    {
        var refusal = Assert.Throws<RuleViolationException>(() => ClaimAction.RuleOnObjection(confirmedFen, declaredFen));
        Assert.Equal(RuleViolation.Invalid, refusal.Kind);
        Assert.Equal(field, refusal.Field);
    }

    [Fact]
    public void Allowed_actions_list_what_each_status_offers()
    {
        Assert.Equal([ClaimActionKind.StartReview, ClaimActionKind.Withdraw], ClaimLifecycle.AllowedActions(ClaimStatus.Declared));
        Assert.Equal([ClaimActionKind.RuleOnObjection], ClaimLifecycle.AllowedActions(ClaimStatus.Disputed));
        Assert.Empty(ClaimLifecycle.AllowedActions(ClaimStatus.Withdrawn));
    }

    [Fact]
    public void A_whole_review_walks_through_the_table()
    {
        var status = ClaimStatus.Declared;
        status = ClaimLifecycle.Next(status, ClaimAction.StartReview);
        status = ClaimLifecycle.Next(status, ClaimAction.Reject);
        status = ClaimLifecycle.Next(status, ClaimAction.Object);
        status = ClaimLifecycle.Next(status, ClaimAction.RuleOnObjection(400_000, Declared));
        Assert.Equal(ClaimStatus.PartiallyConfirmed, status);
    }

    private static ClaimAction Action(ClaimActionKind kind) => kind switch
    {
        ClaimActionKind.StartReview => ClaimAction.StartReview,
        ClaimActionKind.Confirm => ClaimAction.Confirm,
        ClaimActionKind.PartiallyConfirm => ClaimAction.PartiallyConfirm,
        ClaimActionKind.Reject => ClaimAction.Reject,
        ClaimActionKind.Object => ClaimAction.Object,
        ClaimActionKind.RuleOnObjection => ClaimAction.RuleOnObjection(Declared / 2, Declared),
        ClaimActionKind.Withdraw => ClaimAction.Withdraw,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}

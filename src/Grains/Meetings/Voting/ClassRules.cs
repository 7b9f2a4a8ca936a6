namespace CaseGrains.Meetings.Voting;

/// <summary>The statutory tests, applied to the running totals of a class or of the whole meeting.</summary>
internal static class ClassRules
{
    private const string WholeMeetingUs = "11 U.S.C. 1126(c), applied to all claims as one class";

    /// <summary>
    /// A resolution of the whole meeting. EBL: more than half by head of the creditors with a vote present agree
    /// (EBL 64(1), 97), and their unsecured claims reach one half (EBL 64(1)) or, for the settlement agreement, two
    /// thirds (EBL 97) of all unsecured claims with a vote. Chapter 11 has no such resolution; the plan test of
    /// 1126(c) is applied to every claim as one class, counting only creditors that accepted or rejected.
    /// </summary>
    public static IReadOnlyList<ThresholdCheck> EvaluateMeeting(ResolutionKind kind, VotingRuleSet rules, in SlotCounter c)
    {
        if (rules == VotingRuleSet.UsChapter11)
        {
            return UsAcceptance(null, WholeMeetingUs, c, countHeads: true);
        }

        string article = kind switch
        {
            ResolutionKind.SettlementAgreement => "EBL 97",
            ResolutionKind.DistributionPlan => "EBL 61(1)(10), 64(1)",
            ResolutionKind.RealizationPlan => "EBL 61(1)(9), 64(1)",
            ResolutionKind.PropertyManagementPlan => "EBL 61(1)(8), 64(1)",
            _ => "EBL 64(1)",
        };
        var amountComparison = kind == ResolutionKind.SettlementAgreement
            ? ThresholdComparison.AtLeastTwoThirds
            : ThresholdComparison.AtLeastOneHalf;
        return
        [
            Thresholds.Check("Heads", article, null, ThresholdUnit.Heads, c.For, c.Present,
                ThresholdComparison.MoreThanHalf, "agreeing", "creditors with a vote present"),
            Thresholds.Check("Amount", article, null, ThresholdUnit.AmountFen, c.ForFen, c.TotalFen,
                amountComparison, "of unsecured claims agreeing", "of all unsecured claims with a vote in the case"),
        ];
    }

    /// <summary>
    /// One reorganization class. EBL 84(2): more than half by head of the class's creditors present agree and their
    /// claims reach two thirds of the class total. The law sets no test for the shareholder class (EBL 85(2)); the
    /// same test is applied to it by analogy, by head of shareholders and by equity. Chapter 11: 1126(c) for claims,
    /// 1126(d) (amount only) for equity interests, both over those that accepted or rejected.
    /// </summary>
    public static ClassOutcome Evaluate(VotingClass votingClass, in SlotCounter c, VotingRuleSet rules, bool isRevote)
    {
        IReadOnlyList<ThresholdCheck> checks;
        if (rules == VotingRuleSet.UsChapter11)
        {
            checks = votingClass == VotingClass.Shareholder
                ? UsAcceptance(votingClass, "11 U.S.C. 1126(d)", c, countHeads: false)
                : UsAcceptance(votingClass, "11 U.S.C. 1126(c)", c, countHeads: true);
        }
        else
        {
            string article = votingClass == VotingClass.Shareholder ? "EBL 85(2), 84(2) by analogy" : "EBL 84(2)";
            if (isRevote)
            {
                article += ", 87(1)";
            }

            string who = votingClass == VotingClass.Shareholder ? "shareholders" : "creditors";
            string what = votingClass == VotingClass.Shareholder ? "equity" : "claims";
            checks =
            [
                Thresholds.Check($"{votingClass} class heads", article, votingClass, ThresholdUnit.Heads, c.For, c.Present,
                    ThresholdComparison.MoreThanHalf, "agreeing", $"{who} of the class present"),
                Thresholds.Check($"{votingClass} class amount", article, votingClass, ThresholdUnit.AmountFen, c.ForFen, c.TotalFen,
                    ThresholdComparison.AtLeastTwoThirds, $"of {what} agreeing", $"of the class's total {what}"),
            ];
        }

        return new ClassOutcome(votingClass, checks.All(check => check.Passed), isRevote, checks);
    }

    private static IReadOnlyList<ThresholdCheck> UsAcceptance(VotingClass? votingClass, string article, in SlotCounter c, bool countHeads)
    {
        string prefix = votingClass is null ? "" : $"{votingClass} class ";
        var amount = Thresholds.Check($"{prefix}amount", article, votingClass, ThresholdUnit.AmountFen, c.ForFen, c.ForFen + c.AgainstFen,
            ThresholdComparison.AtLeastTwoThirds, "accepting", "held by those that accepted or rejected");
        if (!countHeads)
        {
            return [amount];
        }

        var number = Thresholds.Check($"{prefix}number", article, votingClass, ThresholdUnit.Heads, c.For, c.For + c.Against,
            ThresholdComparison.MoreThanHalf, "accepting", "that accepted or rejected");
        return [amount, number];
    }
}

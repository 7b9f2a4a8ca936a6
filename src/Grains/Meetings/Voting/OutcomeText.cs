using System.Text;

namespace CaseGrains.Meetings.Voting;

/// <summary>Assembles outcomes and says, in words, what was decided and what the law does next.</summary>
internal static class OutcomeText
{
    public static ResolutionOutcome ForMeeting(ResolutionKind kind, VotingRuleSet rules, IReadOnlyList<ThresholdCheck> checks)
    {
        bool passed = checks.All(check => check.Passed);
        var text = new StringBuilder();
        text.Append(passed ? $"The {Name(kind)} is adopted. " : $"The {Name(kind)} is not adopted. ");
        text.Append(rules == VotingRuleSet.PrcEbl ? PrcConsequence(kind, passed) : UsMeetingConsequence());
        AppendChecks(text, checks);
        return new ResolutionOutcome(kind, rules, passed, checks, [], null, text.ToString());
    }

    /// <summary>A plan passes when every class that has members accepts (EBL 86(1); 11 U.S.C. 1129(a)(8)).</summary>
    public static ResolutionOutcome ForPlan(VotingRuleSet rules, IReadOnlyList<ClassOutcome> classes, VotingClass? revoteOf)
    {
        var checks = classes.SelectMany(c => c.Checks).ToList();
        var rejecting = classes.Where(c => !c.Accepted).Select(c => c.Class).ToList();
        bool passed = classes.Count > 0 && rejecting.Count == 0;
        var text = new StringBuilder();
        if (revoteOf is VotingClass revoted)
        {
            string article = rules == VotingRuleSet.PrcEbl ? " (EBL 87(1))" : "";
            text.Append(passed
                ? $"On its further vote the {revoted} class accepts the reorganization plan{article}. "
                : $"On its further vote the {revoted} class rejects the reorganization plan again{article}. ");
            text.Append("Combine this with the first vote to decide the plan.");
        }
        else if (classes.Count == 0)
        {
            text.Append("No class has members with a vote, so the reorganization plan is not adopted.");
        }
        else if (passed)
        {
            text.Append(rules == VotingRuleSet.PrcEbl
                ? "Every class accepts: the reorganization plan is adopted (EBL 86(1)); the debtor or administrator applies to the court for approval within 10 days (EBL 86(2))."
                : "Every class accepts the plan (11 U.S.C. 1126); 1129(a)(8) is satisfied.");
        }
        else
        {
            text.Append($"The reorganization plan is not adopted: rejected by the {string.Join(", ", rejecting)} class{(rejecting.Count > 1 ? "es" : "")}. ");
            text.Append(rules == VotingRuleSet.PrcEbl ? PrcPlanConsequence(classes) : UsPlanConsequence());
        }

        AppendChecks(text, checks);
        return new ResolutionOutcome(ResolutionKind.ReorganizationPlan, rules, passed, checks, classes, revoteOf, text.ToString());
    }

    private static string PrcPlanConsequence(IReadOnlyList<ClassOutcome> classes)
    {
        var mayRevote = classes.Where(c => !c.Accepted && !c.IsRevote).Select(c => c.Class).ToList();
        string revote = mayRevote.Count > 0
            ? $"The debtor or administrator may negotiate with the {string.Join(", ", mayRevote)} class{(mayRevote.Count > 1 ? "es" : "")}, "
                + "each of which may vote once more (EBL 87(1)). "
            : "Every rejecting class has already voted again (EBL 87(1)). ";
        return revote
            + "If a class refuses or rejects again, the court may still approve the plan when the conditions of EBL 87(2) are met; "
            + "otherwise it terminates the reorganization and declares the debtor bankrupt (EBL 88).";
    }

    private static string UsPlanConsequence() =>
        "The court may still confirm the plan over the rejection if at least one impaired class accepted and the plan "
        + "does not discriminate unfairly and is fair and equitable to each rejecting class (11 U.S.C. 1129(a)(10), 1129(b)).";

    private static string UsMeetingConsequence() =>
        "Chapter 11 has no creditors' resolution of this kind: the acceptance test of 11 U.S.C. 1126(c) is applied to all "
        + "claims as one class, counting only the creditors that accepted or rejected.";

    private static string PrcConsequence(ResolutionKind kind, bool passed) => (kind, passed) switch
    {
        (ResolutionKind.SettlementAgreement, true) =>
            "The court approves it by ruling and ends the settlement proceedings (EBL 98).",
        (ResolutionKind.SettlementAgreement, false) =>
            "The court rules to terminate the settlement proceedings and declares the debtor bankrupt (EBL 99).",
        (ResolutionKind.DistributionPlan, true) =>
            "The administrator submits it to the court for approval (EBL 115(3)).",
        (ResolutionKind.DistributionPlan, false) =>
            "It may be put to a second vote; if that also fails, the court rules on it (EBL 65(2)). Creditors holding at "
            + "least one half of the unsecured claims may apply for reconsideration within 15 days of the ruling (EBL 66).",
        (ResolutionKind.RealizationPlan or ResolutionKind.PropertyManagementPlan, false) =>
            "The court rules on it (EBL 65(1)); a creditor who disagrees may apply for reconsideration within 15 days (EBL 66).",
        (_, true) =>
            "The resolution binds all creditors (EBL 64(3)); a creditor may ask the court to revoke it within 15 days if it breaks the law and harms its interests (EBL 64(2)).",
        _ => "The matter stands undecided by the meeting (EBL 64(1)).",
    };

    private static string Name(ResolutionKind kind) => kind switch
    {
        ResolutionKind.SettlementAgreement => "settlement agreement",
        ResolutionKind.DistributionPlan => "distribution plan",
        ResolutionKind.RealizationPlan => "realization plan",
        ResolutionKind.PropertyManagementPlan => "property management plan",
        ResolutionKind.ReorganizationPlan => "reorganization plan",
        _ => "resolution",
    };

    private static void AppendChecks(StringBuilder text, IReadOnlyList<ThresholdCheck> checks)
    {
        foreach (var check in checks)
        {
            text.Append('\n').Append(check.Explanation);
        }
    }
}

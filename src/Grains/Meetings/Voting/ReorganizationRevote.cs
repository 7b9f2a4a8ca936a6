using CaseGrains.Runtime;

namespace CaseGrains.Meetings.Voting;

/// <summary>
/// Folds the further vote of a rejecting class (EBL 87(1)) into the first vote on a reorganization plan. A class
/// votes again at most once; the plan is adopted when every class has then accepted (EBL 86(1)).
/// </summary>
public static class ReorganizationRevote
{
    /// <param name="first">The outcome of the whole plan vote, possibly already combined with other classes' further votes.</param>
    /// <param name="revote">The outcome of <see cref="Tally.ForClassRevote"/>.</param>
    public static ResolutionOutcome Combine(ResolutionOutcome first, ResolutionOutcome revote)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(revote);
        if (first.Kind != ResolutionKind.ReorganizationPlan || first.RevoteOf is not null)
        {
            throw RuleViolationException.Invalid("first", "The first outcome must be the vote of all classes on a reorganization plan.");
        }

        if (revote.RevoteOf is not VotingClass revoted || revote.Classes.Count != 1)
        {
            throw RuleViolationException.Invalid("revote", "The second outcome must be the further vote of one class.");
        }

        if (revote.Rules != first.Rules)
        {
            throw RuleViolationException.Invalid("revote", "Both votes must be counted under the same rule set.");
        }

        int at = -1;
        for (int i = 0; i < first.Classes.Count; i++)
        {
            if (first.Classes[i].Class == revoted)
            {
                at = i;
            }
        }

        if (at < 0)
        {
            throw RuleViolationException.Invalid("revote", $"The {revoted} class did not vote on this plan.");
        }

        if (first.Classes[at].IsRevote)
        {
            throw RuleViolationException.Conflict("revote", $"The {revoted} class has already voted again; it may do so only once (EBL 87(1)).");
        }

        if (first.Classes[at].Accepted)
        {
            throw RuleViolationException.Conflict("revote", $"The {revoted} class accepted the plan; only a rejecting class votes again (EBL 87(1)).");
        }

        var classes = first.Classes.ToArray();
        classes[at] = revote.Classes[0] with { IsRevote = true };
        return OutcomeText.ForPlan(first.Rules, classes, null);
    }
}

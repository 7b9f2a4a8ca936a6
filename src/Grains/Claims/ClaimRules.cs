using CaseGrains.Cases;
using CaseGrains.Claims.Rules;
using CaseGrains.Runtime;

namespace CaseGrains.Claims;

/// <summary>Checks on declarations, reviews, objections and rulings that need nothing but the command, the claim and the case's dates.</summary>
public static class ClaimRules
{
    /// <summary>No single claim is larger than this (10^15 fen, ten trillion yuan): guards the sums against overflow.</summary>
    public const long MaxFen = 1_000_000_000_000_000;

    /// <summary>The most interest lines one declaration may carry.</summary>
    public const int MaxInterestLines = 100;

    /// <summary>
    /// Checks a declaration and returns it with <see cref="DeclareClaim.InterestFen"/> settled to the sum of its
    /// interest lines. Interest is accepted only as lines, each ending on the acceptance date at the latest (EBL 46),
    /// so that the cut-off can be checked.
    /// </summary>
    public static DeclareClaim ValidateDeclaration(DeclareClaim command, DateOnly acceptedOn)
    {
        CaseRules.Require(command.CreditorId, "creditorId", "the creditor");
        CaseRules.Require(command.DeclaredBy, "declaredBy", "who declares");
        if (!Enum.IsDefined(command.Class))
            throw RuleViolationException.Invalid("class", "Class must be employee, socialInsuranceAndTax or ordinary.");
        if (command.Class == ClaimClass.Employee)
            throw RuleViolationException.Invalid("class", "Employee claims are listed by the administrator, not declared (EBL 48).");
        Amount(command.PrincipalFen, "principalFen");
        Amount(command.InterestFen, "interestFen");
        Amount(command.OtherFen, "otherFen");
        Amount(command.SecuredFen, "securedFen");

        var lines = command.InterestLines ?? [];
        if (lines.Count > MaxInterestLines)
            throw RuleViolationException.Invalid("interestLines", $"A declaration has at most {MaxInterestLines} interest lines.");
        InterestCutoff.EnsureNoneAfterAcceptance(lines, acceptedOn);
        long interest = 0;
        foreach (var line in lines)
        {
            interest += line.AmountFen;
            if (interest > MaxFen) throw RuleViolationException.Invalid("interestLines", "The interest is larger than any claim can be (10^15 fen).");
        }
        if (lines.Count == 0 && command.InterestFen > 0)
            throw RuleViolationException.Invalid("interestLines",
                $"State interest as lines with the period each covers, so that it can be checked against the acceptance date {acceptedOn:yyyy-MM-dd} (EBL 46).");
        if (lines.Count > 0 && command.InterestFen != 0 && command.InterestFen != interest)
            throw RuleViolationException.Invalid("interestFen", $"The interest ({command.InterestFen} fen) is not the sum of the interest lines ({interest} fen).");
        command = command with { InterestFen = interest, InterestLines = lines };

        var total = command.PrincipalFen + command.InterestFen + command.OtherFen;
        if (total <= 0)
            throw RuleViolationException.Invalid("principalFen", "A claim must be for more than zero.");
        if (total > MaxFen)
            throw RuleViolationException.Invalid("principalFen", "The claim is larger than any claim can be (10^15 fen).");
        ValidateSecurity(command.SecuredFen, command.Collateral, total);
        return command;
    }

    public static void ValidateEmployeeListing(ListEmployeeClaim command)
    {
        CaseRules.Require(command.CreditorId, "creditorId", "the employee");
        Amount(command.PrincipalFen, "principalFen");
        Amount(command.OtherFen, "otherFen");
        var total = command.PrincipalFen + command.OtherFen;
        if (total <= 0) throw RuleViolationException.Invalid("principalFen", "A listed claim must be for more than zero.");
        if (total > MaxFen) throw RuleViolationException.Invalid("principalFen", "The claim is larger than any claim can be (10^15 fen).");
        if (command.Description is { Length: > 1000 })
            throw RuleViolationException.Invalid("description", "The description is longer than 1000 characters.");
    }

    /// <summary>The lifecycle action a review decision is.</summary>
    public static ClaimAction ActionOf(ClaimDecision decision) => decision switch
    {
        ClaimDecision.Confirm => ClaimAction.Confirm,
        ClaimDecision.PartiallyConfirm => ClaimAction.PartiallyConfirm,
        ClaimDecision.Reject => ClaimAction.Reject,
        _ => throw RuleViolationException.Invalid("decision", "Decision must be confirm, partiallyConfirm or reject."),
    };

    /// <summary>Checks a review's amount and reason; returns it with the confirmed amount settled for a full confirmation or a rejection.</summary>
    public static ReviewClaim ValidateReview(ClaimView claim, ReviewClaim review)
    {
        CaseRules.Require(review.ReviewerId, "reviewerId", "the reviewer");
        switch (review.Decision)
        {
            case ClaimDecision.Confirm:
                return review with { ConfirmedFen = claim.DeclaredFen };
            case ClaimDecision.PartiallyConfirm:
                if (review.ConfirmedFen <= 0 || review.ConfirmedFen >= claim.DeclaredFen)
                    throw RuleViolationException.Invalid("confirmedFen", $"A partial confirmation is more than 0 and less than the declared {claim.DeclaredFen} fen.");
                RequireReason(review.Reason, "A partial confirmation or a rejection gives its reason (EBL 57).");
                return review;
            case ClaimDecision.Reject:
                RequireReason(review.Reason, "A partial confirmation or a rejection gives its reason (EBL 57).");
                return review with { ConfirmedFen = 0 };
            default:
                throw RuleViolationException.Invalid("decision", "Decision must be confirm, partiallyConfirm or reject.");
        }
    }

    public static void ValidateObjection(ObjectToClaim objection)
    {
        CaseRules.Require(objection.ObjectorId, "objectorId", "the objecting creditor");
        RequireReason(objection.Reason, "An objection says what is wrong with the review result (EBL 58).");
    }

    /// <summary>The status the ruling leaves the claim in.</summary>
    public static ClaimAction ValidateRuling(ClaimView claim, RuleOnObjection ruling)
    {
        CaseRules.Require(ruling.JudgeId, "judgeId", "the judge");
        RequireReason(ruling.Reason, "A ruling gives its reasons.");
        if (ruling.RulingReference is { Length: > 200 })
            throw RuleViolationException.Invalid("rulingReference", "The ruling reference is longer than 200 characters.");
        return ClaimAction.RuleOnObjection(ruling.ConfirmedFen, claim.DeclaredFen);
    }

    internal static void ValidateSecurity(long securedFen, string? collateral, long total)
    {
        if (securedFen > total)
            throw RuleViolationException.Invalid("securedFen", "The secured part cannot exceed the claim.");
        if (securedFen > 0 && string.IsNullOrWhiteSpace(collateral))
            throw RuleViolationException.Invalid("collateral", "A secured claim names its collateral (EBL 49).");
        if (collateral is { Length: > 500 })
            throw RuleViolationException.Invalid("collateral", "The collateral's description is longer than 500 characters.");
    }

    private static void RequireReason(string? reason, string why)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw RuleViolationException.Invalid("reason", why);
        if (reason.Length > 2000) throw RuleViolationException.Invalid("reason", "The reason is longer than 2000 characters.");
    }

    private static void Amount(long fen, string field)
    {
        if (fen < 0) throw RuleViolationException.Invalid(field, "An amount cannot be negative.");
        if (fen > MaxFen) throw RuleViolationException.Invalid(field, "The amount is larger than any claim can be (10^15 fen).");
    }
}

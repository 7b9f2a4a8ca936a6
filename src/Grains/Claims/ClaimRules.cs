using CaseGrains.Cases;
using CaseGrains.Runtime;

namespace CaseGrains.Claims;

/// <summary>Checks on declarations and reviews that need nothing but the claim itself.</summary>
public static class ClaimRules
{
    /// <summary>No single claim is larger than this (10^15 fen, ten trillion yuan): guards the sums against overflow.</summary>
    public const long MaxFen = 1_000_000_000_000_000;

    public static void ValidateDeclaration(DeclareClaim command)
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
        var total = command.PrincipalFen + command.InterestFen + command.OtherFen;
        if (total <= 0)
            throw RuleViolationException.Invalid("principalFen", "A claim must be for more than zero.");
        if (total > MaxFen)
            throw RuleViolationException.Invalid("principalFen", "The claim is larger than any claim can be (10^15 fen).");
        if (command.SecuredFen > total)
            throw RuleViolationException.Invalid("securedFen", "The secured part cannot exceed the claim.");
        if (command.SecuredFen > 0 && string.IsNullOrWhiteSpace(command.Collateral))
            throw RuleViolationException.Invalid("collateral", "A secured claim names its collateral (EBL 49).");
    }

    /// <summary>Checks a review against the claim; returns it with the confirmed amount settled for a full confirmation or a rejection.</summary>
    public static ReviewClaim ValidateReview(ClaimView claim, ReviewClaim review)
    {
        CaseRules.Require(review.ReviewerId, "reviewerId", "the reviewer");
        if (claim.Status is not (ClaimStatus.Declared or ClaimStatus.UnderReview))
            throw RuleViolationException.Conflict("claimId", $"Claim {claim.ClaimId} is {claim.Status} and cannot be reviewed again; an objection goes to court.");
        switch (review.Decision)
        {
            case ClaimDecision.Confirm:
                return review with { ConfirmedFen = claim.DeclaredFen };
            case ClaimDecision.PartiallyConfirm:
                if (review.ConfirmedFen <= 0 || review.ConfirmedFen >= claim.DeclaredFen)
                    throw RuleViolationException.Invalid("confirmedFen", $"A partial confirmation is more than 0 and less than the declared {claim.DeclaredFen} fen.");
                RequireReason(review);
                return review;
            case ClaimDecision.Reject:
                RequireReason(review);
                return review with { ConfirmedFen = 0 };
            default:
                throw RuleViolationException.Invalid("decision", "Decision must be confirm, partiallyConfirm or reject.");
        }
    }

    private static void RequireReason(ReviewClaim review)
    {
        if (string.IsNullOrWhiteSpace(review.Reason))
            throw RuleViolationException.Invalid("reason", "A partial confirmation or a rejection gives its reason (EBL 57).");
    }

    private static void Amount(long fen, string field)
    {
        if (fen < 0) throw RuleViolationException.Invalid(field, "An amount cannot be negative.");
        if (fen > MaxFen) throw RuleViolationException.Invalid(field, "The amount is larger than any claim can be (10^15 fen).");
    }
}

using CaseGrains.Claims;

namespace CaseGrains.Meetings.Voting;

/// <summary>One claim as it stands for a vote.</summary>
/// <param name="AmountFen">The confirmed amount, or the declared amount while the claim is not determined.</param>
/// <param name="SecuredFen">The part covered by collateral on specific property of the debtor (0..AmountFen).</param>
/// <param name="PriorityWaived">The creditor gave up priority on the collateral, so the whole claim is unsecured.</param>
/// <param name="Determined">Review is final (confirmed or ruled on by the court).</param>
/// <param name="ProvisionalAmountFen">
/// The amount the court set provisionally so that an undetermined claim can vote (EBL 59(2)); ignored once determined.
/// </param>
/// <param name="IsSocialInsurance">
/// A <see cref="ClaimClass.SocialInsuranceAndTax"/> claim for social insurance that is not paid into employees' own
/// accounts: a reorganization plan may not reduce it and its holder does not vote on the plan (EBL 83).
/// </param>
public sealed record VoterClaim(
    string ClaimId,
    ClaimClass Class,
    long AmountFen,
    long SecuredFen,
    bool PriorityWaived,
    bool Determined,
    long? ProvisionalAmountFen,
    bool IsSocialInsurance = false);

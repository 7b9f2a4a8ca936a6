namespace CaseGrains.Meetings;

/// <summary>
/// A secured creditor gives up priority on its collateral for a claim, so that the claim votes in full as an
/// unsecured claim, also on the settlement agreement and the distribution plan (EBL 59(3)). It cannot be taken back.
/// </summary>
public sealed record WaivePriority(string ClaimId, string CreditorId);

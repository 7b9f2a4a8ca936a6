namespace CaseGrains.Meetings;

/// <summary>
/// A secured creditor gives up priority on its collateral for a claim, so that the claim votes in full as an
/// unsecured claim, also on the settlement agreement and the distribution plan (EBL 59(3)). It cannot be taken back.
/// </summary>
/// <param name="ActorId">Who enters the waiver: the creditor itself, or the case's administrator acting on the creditor's signed waiver.</param>
/// <param name="DocumentSha256">Hex SHA-256 of the signed waiver document; required when the administrator enters it.</param>
public sealed record WaivePriority(string ClaimId, string CreditorId, string ActorId, string? DocumentSha256 = null);

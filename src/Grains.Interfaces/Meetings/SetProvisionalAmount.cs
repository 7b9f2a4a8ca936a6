namespace CaseGrains.Meetings;

/// <summary>
/// The court sets a provisional amount for a claim that is not yet determined, so that its holder can vote with it
/// (EBL 59(2)). It applies to every resolution whose voting opens afterwards.
/// </summary>
/// <param name="Reference">The court's ruling or decision number, if any.</param>
public sealed record SetProvisionalAmount(string ClaimId, long AmountFen, string JudgeId, string? Reference);

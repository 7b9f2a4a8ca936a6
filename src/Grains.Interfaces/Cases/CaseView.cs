namespace CaseGrains.Cases;

/// <summary>A case as its participants see it.</summary>
public sealed record CaseView(
    string CaseId,
    string CaseNumber,
    string Court,
    string DebtorName,
    string DebtorCreditCode,
    Procedure Procedure,
    string JudgeId,
    string AdministratorId,
    DateOnly AcceptedOn,
    int ClaimCount,
    IReadOnlyList<string> MeetingIds)
{
    public DateOnly? DeclarationDeadline { get; init; }

    /// <summary>How many distribution rounds have been paid.</summary>
    public int DistributionRounds { get; init; }

    /// <summary>Whether the final distribution was paid; no claim may be declared after it (EBL 56).</summary>
    public bool FinalDistributionPaid { get; init; }

    /// <summary>Whether the supervised case account was opened: only then does it have anything to show or approve.</summary>
    public bool HasAccount { get; init; }
}

namespace CaseGrains.Claims;

/// <summary>A claim and where it stands.</summary>
public sealed record ClaimView(
    string ClaimId,
    string CaseId,
    string CreditorId,
    ClaimClass Class,
    long PrincipalFen,
    long InterestFen,
    long OtherFen,
    long SecuredFen,
    string? Collateral,
    ClaimStatus Status,
    long? ConfirmedFen,
    string? Reason,
    string DeclaredBy,
    DateTimeOffset DeclaredAt,
    string? ReviewedBy,
    DateTimeOffset? ReviewedAt)
{
    public long DeclaredFen => PrincipalFen + InterestFen + OtherFen;

    public ClaimOrigin Origin { get; init; }

    /// <summary>The source department that declared the claim, which is told of every result.</summary>
    public string? Department { get; init; }

    /// <summary>Declared after the declaration period (EBL 56): it shares only in distributions from <see cref="JoinsDistributionRound"/> on.</summary>
    public bool Late { get; init; }

    /// <summary>The first distribution round the claim may share in; earlier rounds were made before it was declared.</summary>
    public int JoinsDistributionRound { get; init; } = 1;

    /// <summary>The other part of a split tax declaration: the ordinary part for the priority part and the other way round.</summary>
    public string? LinkedClaimId { get; init; }

    /// <summary>Whether the court has ruled on an objection to this claim; its amount is then fixed.</summary>
    public bool CourtRuled { get; init; }

    public IReadOnlyList<InterestLine> InterestLines { get; init; } = [];

    /// <summary>For a tax bureau's declaration, the lines that make up this part.</summary>
    public IReadOnlyList<TaxClaimLine> TaxLines { get; init; } = [];

    public IReadOnlyList<EvidenceView> Evidence { get; init; } = [];

    /// <summary>What may happen to the claim next (EBL 57-58), for showing only the actions that work.</summary>
    public IReadOnlyList<ClaimActionKind> AllowedActions { get; init; } = [];
}

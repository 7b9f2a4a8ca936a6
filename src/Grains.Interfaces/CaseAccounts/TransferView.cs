namespace CaseGrains.CaseAccounts;

/// <summary>A transfer out of the case account and everything that happened to it.</summary>
/// <param name="Payee">Who a single transfer pays; null for a distribution.</param>
/// <param name="Distribution">How a distribution splits; null for a single transfer.</param>
/// <param name="ExceededLimits">The limits it went over when requested: empty when it executed at once.</param>
public sealed record TransferView(
    string TransferId,
    TransferKind Kind,
    TransferStatus Status,
    long AmountFen,
    string Purpose,
    Payee? Payee,
    DistributionPlan? Distribution,
    IReadOnlyList<TransferLimit> ExceededLimits,
    string RequestedBy,
    DateTimeOffset RequestedAt)
{
    /// <summary>Who ended its wait: the judge approving or rejecting it, or the administrator cancelling it.</summary>
    public string? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DecisionReason { get; init; }
    public DateTimeOffset? ExecutedAt { get; init; }
    public long? BalanceAfterFen { get; init; }

    /// <summary>The case's distribution round an executed distribution recorded; null before that, or when it could not be recorded.</summary>
    public int? DistributionRound { get; init; }

    /// <summary>Why an executed distribution could not be recorded as a round, when it could not.</summary>
    public string? DistributionRoundNote { get; init; }

    /// <summary>The case whose account it is; live updates name it so that a page watching several cases can tell them apart.</summary>
    public string CaseId { get; init; } = "";
}

using CaseGrains.CaseAccounts;

namespace CaseGrains.Claims;

/// <summary>
/// The case account paid a distribution round: the round records what each creditor got. Claims declared afterwards
/// join only later rounds, and after the final one no claim may be declared (EBL 56). Only the case account records
/// rounds, once its distribution transfer executed: a round is never recorded without the money that paid it.
/// </summary>
/// <param name="Reference">The account's distribution transfer that paid the round; a round is recorded once per
/// reference, so recording it again changes nothing.</param>
/// <param name="Plan">The split the transfer paid; its round must be the case's next one.</param>
public sealed record RecordDistribution(string AdministratorId, string Reference, DistributionPlan Plan);

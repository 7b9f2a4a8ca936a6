namespace CaseGrains.CaseAccounts;

/// <summary>One payee's part of a distribution.</summary>
/// <param name="PayeeId">The creditor paid.</param>
/// <param name="ClaimId">The claim paid, when the distribution follows the claim list.</param>
/// <param name="WeightFen">What the line is owed in the class (the unsecured part of the confirmed claim).</param>
/// <param name="AmountFen">What it is paid: its exact pro-rata part, rounded down, plus one fen if it won a remainder fen.</param>
public sealed record DistributionLine(string PayeeId, string? ClaimId, long WeightFen, long AmountFen);

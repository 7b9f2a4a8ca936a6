namespace CaseGrains.Ledger;

/// <summary>A witness refused to cosign a checkpoint, and said why in a statement signed with its key.</summary>
public sealed record WitnessRefusalView(string Witness, string Reason, DateTimeOffset RefusedAt);

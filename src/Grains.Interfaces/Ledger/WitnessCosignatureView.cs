namespace CaseGrains.Ledger;

/// <summary>A witness cosigned a checkpoint; <see cref="CosignedAt"/> is the time inside its cosignature.</summary>
public sealed record WitnessCosignatureView(string Witness, DateTimeOffset CosignedAt);

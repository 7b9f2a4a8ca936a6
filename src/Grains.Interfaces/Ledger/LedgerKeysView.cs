namespace CaseGrains.Ledger;

/// <summary>The server's log key and the witnesses it accepts cosignatures from.</summary>
/// <param name="LogKey">The signed-note verifier key (vkey) that signs every case checkpoint.</param>
/// <param name="OriginPrefix">Checkpoint origins are "&lt;prefix&gt;/case/&lt;caseId&gt;".</param>
public sealed record LedgerKeysView(string LogKey, string KeyName, string OriginPrefix, IReadOnlyList<WitnessKeyView> Witnesses);

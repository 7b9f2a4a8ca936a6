namespace CaseGrains.Ledger;

/// <summary>A registered witness (the court, the tax bureau): its key name and its cosignature verifier key (vkey).</summary>
public sealed record WitnessKeyView(string Name, string Vkey);

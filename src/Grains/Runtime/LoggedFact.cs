namespace CaseGrains.Runtime;

/// <summary>A stored fact and the ledger position it was given when it committed; -1 when it has no ledger entry.</summary>
public sealed record LoggedFact<TFact>(TFact Fact, long LedgerPosition) where TFact : class;

namespace CaseGrains.Ledger;

/// <summary>The public side of the server's ledger keys, for publishing at a stable URL.</summary>
public interface ILedgerKeys
{
    LedgerKeysView GetKeys();
}

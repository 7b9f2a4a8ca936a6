namespace CaseGrains.Runtime;

/// <summary>A fact that also goes into its case's tamper-evident ledger, in the transaction that stores it.</summary>
public interface ILedgerFact
{
    string CaseId { get; }

    /// <summary>Who did it: an opaque actor id (never a name or an ID number).</summary>
    string Actor { get; }

    /// <summary>A dotted kind such as <c>vote.cast</c> or <c>claim.declared</c>.</summary>
    string LedgerKind { get; }

    DateTimeOffset At { get; }

    /// <summary>The payload that is published in the ledger (must carry no personal data).</summary>
    object LedgerData { get; }
}

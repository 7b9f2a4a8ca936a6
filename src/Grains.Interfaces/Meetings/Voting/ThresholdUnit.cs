namespace CaseGrains.Meetings.Voting;

/// <summary>What a threshold counts.</summary>
public enum ThresholdUnit
{
    /// <summary>Creditors (or shareholders), each once however many claims it holds.</summary>
    Heads,
    /// <summary>Claim amounts (or equity) in fen.</summary>
    AmountFen,
}

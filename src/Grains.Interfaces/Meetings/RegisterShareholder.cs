namespace CaseGrains.Meetings;

/// <summary>
/// The administrator lists a shareholder for the shareholders' class of a reorganization plan that adjusts equity
/// (EBL 85(2)); registering again replaces the equity.
/// </summary>
/// <param name="EquityFen">The shareholder's capital contribution: its weight in the shareholders' class.</param>
public sealed record RegisterShareholder(string ShareholderId, long EquityFen, string ActorId);

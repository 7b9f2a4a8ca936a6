namespace CaseGrains.WebFront.Dashboard;

/// <summary>Something in a case that waits for the judge: a ruling, an amount, an approval.</summary>
/// <param name="Kind">What kind of thing waits (see <see cref="WaitingItemKinds"/>); the pages name it in the reader's language.</param>
/// <param name="Subject">The id of what waits: a claim, a transfer.</param>
/// <param name="Since">Since when it has been waiting.</param>
/// <param name="Reference">Where it waits, when that is not the case itself: the meeting that needs a provisional amount, the account of a transfer.</param>
public sealed record WaitingItem(string Kind, string CaseId, string Subject, DateTimeOffset Since, string? Reference = null);

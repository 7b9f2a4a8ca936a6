namespace CaseGrains.Runtime;

/// <summary>A message for <paramref name="Recipient"/>, numbered in the recipient's own order when it is stored.</summary>
/// <param name="Kind">A dotted kind such as <c>claim.status</c>.</param>
/// <param name="Data">The payload, serialized as the API's JSON.</param>
public sealed record OutboxMessage(string Recipient, string Kind, string CaseId, object Data);

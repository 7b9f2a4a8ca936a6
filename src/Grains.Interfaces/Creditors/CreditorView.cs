namespace CaseGrains.Creditors;

/// <summary>
/// A creditor as anyone may see it: the identity number and phone are masked. Only the holder, the administrator
/// and the judge get the full <see cref="CreditorProfile"/>.
/// </summary>
public sealed record CreditorView(string CreditorId, string Name, CreditorKind Kind, string MaskedIdentityNumber, string? MaskedPhone);

namespace CaseGrains.Creditors;

/// <summary>
/// Who a creditor is, unmasked. <see cref="IdentityNumber"/> is the resident ID number (GB 11643) of a person or the
/// unified social credit code (GB 32100) of an organization; its check character is verified on registration.
/// </summary>
public sealed record CreditorProfile(string Name, CreditorKind Kind, string IdentityNumber, string? Phone);

namespace CaseGrains.Creditors;

/// <summary>Who a creditor is. <see cref="IdentityNumber"/> is a resident ID number or a unified social credit code.</summary>
public sealed record CreditorProfile(string Name, CreditorKind Kind, string IdentityNumber, string? Phone);

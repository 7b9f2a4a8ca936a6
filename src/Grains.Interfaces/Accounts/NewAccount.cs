namespace CaseGrains.Accounts;

/// <summary>An account to create. The password arrives hashed; a staff account carries its TOTP secret (base32).</summary>
public sealed record NewAccount(AccountRole Role, string DisplayName, string PasswordHash, string? TotpSecret, string? Court, string? CreditorId);

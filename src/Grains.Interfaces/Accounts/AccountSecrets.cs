namespace CaseGrains.Accounts;

/// <summary>What sign-in needs to check a password and a code. Never leaves the server.</summary>
public sealed record AccountSecrets(string PasswordHash, string? TotpSecret, long LastTotpStep, DateTimeOffset? LockedUntil, bool Disabled);

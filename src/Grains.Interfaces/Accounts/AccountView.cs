namespace CaseGrains.Accounts;

public sealed record AccountView(string Username, AccountRole Role, string DisplayName, string? Court, string? CreditorId, bool Disabled, bool SecondFactor);

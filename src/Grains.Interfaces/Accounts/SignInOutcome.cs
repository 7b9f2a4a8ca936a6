namespace CaseGrains.Accounts;

public sealed record SignInOutcome(SignInResult Result, AccountView? Account, DateTimeOffset? LockedUntil);

namespace CaseGrains.Accounts;

/// <summary>
/// The result of checking a password (and a TOTP code, for staff) outside the grain; the grain decides lockout, refuses
/// a reused code and opens the session. <paramref name="TotpStep"/> is the time step the code matched, if it did.
/// </summary>
public sealed record SignInAttempt(bool PasswordValid, long? TotpStep, string SessionId, DateTimeOffset At, SignInLimits Limits);

/// <summary>How many failures lock an account, and for how long.</summary>
public sealed record SignInLimits(int MaxFailures, TimeSpan Lockout);

namespace CaseGrains.Accounts;

public enum SignInResult
{
    Succeeded,
    /// <summary>Wrong password, or a missing or wrong second factor: the reply does not say which.</summary>
    Failed,
    LockedOut,
    Disabled,
    /// <summary>The code was right but was already used: RFC 6238 section 5.2 says a code is accepted once.</summary>
    CodeReused,
}

using CaseGrains.Runtime;

namespace CaseGrains.Accounts;

/// <summary>A person's account, keyed by user name (lower case).</summary>
public interface IAccountGrain : IGrainWithStringKey
{
    Task<AccountView> Create(NewAccount account);

    Task<AccountView?> Get();

    Task<AccountSecrets?> GetSecrets();

    Task<SignInOutcome> CompleteSignIn(SignInAttempt attempt);

    /// <summary>True while the session is open, used within its idle limit and younger than its absolute limit; marks it used.</summary>
    Task<bool> UseSession(string sessionId, DateTimeOffset now, SessionLimits limits);

    Task EndSession(string sessionId);

    /// <summary>Disables the account and ends all its sessions.</summary>
    Task Disable(string by);

    Task Enable(string by);

    /// <summary>Records that the account was invited into a case: a creditor acts only in the cases it was invited into.</summary>
    Task JoinCase(string caseId);

    Task<bool> IsInCase(string caseId);

    Task<IReadOnlyList<string>> GetCases();
}

using CaseGrains.Cases;
using CaseGrains.Runtime;

namespace CaseGrains.Accounts;

/// <summary>
/// A person's account: lockout after repeated failures, a TOTP code accepted once, sessions with idle and absolute
/// limits. Session use is kept in memory and written at most once a minute, so a busy session costs no writes.
/// </summary>
public sealed class AccountGrain(IPersistentState<AccountState> state) : Grain, IAccountGrain
{
    private static readonly TimeSpan UseWriteInterval = TimeSpan.FromMinutes(1);
    private const int MaxSessions = 20;

    public async Task<AccountView> Create(NewAccount account)
    {
        if (state.State.Account is not null) throw RuleViolationException.Conflict("username", $"The user name {Key} is taken.");
        CaseRules.Require(account.DisplayName, "displayName", "the display name");
        if (!Enum.IsDefined(account.Role)) throw RuleViolationException.Invalid("role", "Unknown role.");
        if (account.Role is AccountRole.Judge or AccountRole.Administrator && string.IsNullOrEmpty(account.TotpSecret))
            throw RuleViolationException.Invalid("totpSecret", "Judges and administrators sign in with a second factor.");
        if (account.Role == AccountRole.Judge) CaseRules.Require(account.Court, "court", "the judge's court");
        if (account.Role == AccountRole.Creditor) CaseRules.Require(account.CreditorId, "creditorId", "the creditor");
        state.State.Account = account;
        await state.WriteStateAsync();
        return View()!;
    }

    public Task<AccountView?> Get() => Task.FromResult(View());

    public Task<AccountSecrets?> GetSecrets()
    {
        var s = state.State;
        return Task.FromResult(s.Account is null ? null : new AccountSecrets(s.Account.PasswordHash, s.Account.TotpSecret, s.LastTotpStep, s.LockedUntil, s.Disabled));
    }

    public async Task<SignInOutcome> CompleteSignIn(SignInAttempt attempt)
    {
        var s = state.State;
        if (s.Account is null) return new SignInOutcome(SignInResult.Failed, null, null);
        if (s.Disabled) return new SignInOutcome(SignInResult.Disabled, null, null);
        if (s.LockedUntil > attempt.At) return new SignInOutcome(SignInResult.LockedOut, null, s.LockedUntil);

        var secondFactor = s.Account.TotpSecret is not null;
        var ok = attempt.PasswordValid && (!secondFactor || attempt.TotpStep is not null);
        if (ok && secondFactor && attempt.TotpStep <= s.LastTotpStep)
        {
            await state.WriteStateAsync();
            return new SignInOutcome(SignInResult.CodeReused, null, null);
        }
        if (!ok)
        {
            s.Failures++;
            if (s.Failures >= attempt.Limits.MaxFailures)
            {
                s.LockedUntil = attempt.At + attempt.Limits.Lockout;
                s.Failures = 0;
            }
            await state.WriteStateAsync();
            return s.LockedUntil > attempt.At
                ? new SignInOutcome(SignInResult.LockedOut, null, s.LockedUntil)
                : new SignInOutcome(SignInResult.Failed, null, null);
        }

        s.Failures = 0;
        s.LockedUntil = null;
        if (attempt.TotpStep is long step) s.LastTotpStep = step;
        foreach (var old in s.Sessions.OrderBy(p => p.Value.LastUsed).Take(Math.Max(0, s.Sessions.Count - MaxSessions + 1)).Select(p => p.Key).ToList())
            s.Sessions.Remove(old);
        s.Sessions[attempt.SessionId] = new SessionRecord { OpenedAt = attempt.At, LastUsed = attempt.At };
        await state.WriteStateAsync();
        return new SignInOutcome(SignInResult.Succeeded, View(), null);
    }

    public async Task<bool> UseSession(string sessionId, DateTimeOffset now, SessionLimits limits)
    {
        var s = state.State;
        if (s.Account is null || s.Disabled || !s.Sessions.TryGetValue(sessionId ?? "", out var session)) return false;
        if (now - session.LastUsed > limits.Idle || now - session.OpenedAt > limits.Absolute)
        {
            s.Sessions.Remove(sessionId!);
            await state.WriteStateAsync();
            return false;
        }
        var persistedUse = session.LastUsed;
        session.LastUsed = now;
        if (now - persistedUse > UseWriteInterval) await state.WriteStateAsync();
        return true;
    }

    public async Task EndSession(string sessionId)
    {
        if (state.State.Sessions.Remove(sessionId ?? "")) await state.WriteStateAsync();
    }

    public async Task Disable(string by)
    {
        if (state.State.Account is null) throw RuleViolationException.NotFound("username", $"There is no account {Key}.");
        state.State.Disabled = true;
        state.State.Sessions.Clear();
        await state.WriteStateAsync();
    }

    public async Task Enable(string by)
    {
        if (state.State.Account is null) throw RuleViolationException.NotFound("username", $"There is no account {Key}.");
        state.State.Disabled = false;
        state.State.Failures = 0;
        state.State.LockedUntil = null;
        await state.WriteStateAsync();
    }

    public async Task JoinCase(string caseId)
    {
        if (state.State.Account is null) throw RuleViolationException.NotFound("username", $"There is no account {Key}.");
        if (state.State.Cases.Add(caseId)) await state.WriteStateAsync();
    }

    public Task<bool> IsInCase(string caseId) => Task.FromResult(state.State.Cases.Contains(caseId ?? ""));

    public Task<IReadOnlyList<string>> GetCases() => Task.FromResult<IReadOnlyList<string>>([.. state.State.Cases.Order(StringComparer.Ordinal)]);

    private AccountView? View()
    {
        var a = state.State.Account;
        return a is null ? null : new AccountView(Key, a.Role, a.DisplayName, a.Court, a.CreditorId, state.State.Disabled, a.TotpSecret is not null);
    }
}

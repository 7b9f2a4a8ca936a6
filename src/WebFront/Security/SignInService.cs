using System.Security.Cryptography;
using CaseGrains.Accounts;
using CaseGrains.Security.Totp;
using Microsoft.Extensions.Options;

namespace CaseGrains.WebFront.Security;

/// <summary>
/// Checks a user name, a password and (for judges and administrators) a TOTP code, then lets the account grain decide
/// lockout and reuse and open a fresh session. Every outcome goes to the audit trail.
/// </summary>
public sealed class SignInService(IGrainFactory grains, Passwords passwords, TimeProvider clock, IOptions<SecurityOptions> options, IAuditLog audit)
{
    public async Task<(SignInOutcome Outcome, string SessionId)> SignInAsync(string username, string password, string? code, string from)
    {
        var key = AccountKeys.Normalize(username);
        var account = grains.Get<IAccountGrain>(key);
        var secrets = await account.GetSecrets();
        var passwordValid = passwords.Verify(key, secrets?.PasswordHash ?? passwords.Decoy, password) && secrets is not null;
        long? step = null;
        if (passwordValid && secrets!.TotpSecret is not null)
        {
            var verification = new TotpVerifier(clock).Verify(Base32.Decode(secrets.TotpSecret), code, lastUsedStep: null);
            if (verification.IsAccepted) step = verification.MatchedStep;
        }
        var sessionId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var limits = new SignInLimits(options.Value.MaxFailedSignIns, options.Value.Lockout);
        var outcome = await account.CompleteSignIn(new SignInAttempt(passwordValid, step, sessionId, clock.GetUtcNow(), limits));
        audit.Record(new AuditRecord(clock.GetUtcNow(), key, outcome.Account?.Role.ToString(), from, "SIGNIN", "/api/auth", outcome.Result == SignInResult.Succeeded ? 200 : 401,
            null, $"sign-in {outcome.Result}"));
        return (outcome, sessionId);
    }
}

using CaseGrains.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CaseGrains.WebFront.Security;

/// <summary>ASP.NET Core's PasswordHasher (PBKDF2), with the length rule checked before hashing.</summary>
public sealed class Passwords(IOptions<SecurityOptions> options)
{
    private readonly PasswordHasher<string> hasher = new(Options.Create(new PasswordHasherOptions { IterationCount = options.Value.PasswordIterations }));

    public string Hash(string username, string password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < options.Value.MinimumPasswordLength)
            throw RuleViolationException.Invalid("password", $"A password has at least {options.Value.MinimumPasswordLength} characters.");
        if (password.Length > 256) throw RuleViolationException.Invalid("password", "A password has at most 256 characters.");
        return hasher.HashPassword(username, password);
    }

    public bool Verify(string username, string hash, string password) =>
        !string.IsNullOrEmpty(password) && password.Length <= 256 &&
        hasher.VerifyHashedPassword(username, hash, password) != PasswordVerificationResult.Failed;

    /// <summary>A hash to check against when the account does not exist, so that the answer takes as long either way.</summary>
    public string Decoy { get; } = new PasswordHasher<string>(Options.Create(new PasswordHasherOptions { IterationCount = options.Value.PasswordIterations }))
        .HashPassword("decoy", Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));

    public static AccountRole[] StaffRoles { get; } = [AccountRole.Judge, AccountRole.Administrator];
}

using System.Text.RegularExpressions;

namespace CaseGrains.WebFront.Security;

/// <summary>User names: 3 to 64 lower-case letters, digits, '.', '-' or '_'; compared in lower case.</summary>
public static partial class AccountKeys
{
    public static string Normalize(string? username)
    {
        var key = (username ?? "").Trim().ToLowerInvariant();
        if (!Pattern().IsMatch(key))
            throw RuleViolationException.Invalid("username", "A user name is 3 to 64 letters, digits, '.', '-' or '_'.");
        return key;
    }

    [GeneratedRegex("^[a-z0-9._-]{3,64}$")]
    private static partial Regex Pattern();
}

using System.Text.RegularExpressions;
using CaseGrains.Runtime;

namespace CaseGrains.WebFront.Api;

/// <summary>Ids in URLs and hub calls: letters, digits, '-' and '_', at most 64 characters.</summary>
public static partial class Ids
{
    public static string Check(string? id, string field)
    {
        if (string.IsNullOrEmpty(id) || !Pattern().IsMatch(id))
            throw RuleViolationException.Invalid(field, "An id is 1 to 64 letters, digits, '-' or '_'.");
        return id;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex Pattern();
}

namespace CaseGrains.Runtime;

/// <summary>A grain refused a request because a rule of the domain forbids it. Nothing was changed.</summary>
public sealed class RuleViolationException(RuleViolation kind, string field, string reason) : Exception(reason)
{
    public RuleViolation Kind { get; } = kind;

    /// <summary>The request field the refusal is about (camelCase, as in the JSON body), or empty.</summary>
    public string Field { get; } = field;

    public static RuleViolationException Invalid(string field, string reason) => new(RuleViolation.Invalid, field, reason);
    public static RuleViolationException NotFound(string field, string reason) => new(RuleViolation.NotFound, field, reason);
    public static RuleViolationException Conflict(string field, string reason) => new(RuleViolation.Conflict, field, reason);
    public static RuleViolationException NotAllowed(string field, string reason) => new(RuleViolation.NotAllowed, field, reason);
}

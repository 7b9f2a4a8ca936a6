namespace CaseGrains.Runtime;

/// <summary>What kind of refusal a <see cref="RuleViolationException"/> is, so that the HTTP layer picks its status.</summary>
public enum RuleViolation
{
    /// <summary>The request itself is wrong: a field is missing, malformed or out of range.</summary>
    Invalid,
    /// <summary>The thing addressed does not exist.</summary>
    NotFound,
    /// <summary>The request is well formed but the case is not in a state that allows it.</summary>
    Conflict,
    /// <summary>The actor may not do this.</summary>
    NotAllowed,
}

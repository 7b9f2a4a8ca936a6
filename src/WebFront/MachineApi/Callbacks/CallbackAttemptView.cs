namespace CaseGrains.WebFront.MachineApi.Callbacks;

/// <summary>One delivery attempt of a notice (by its feed position) and how it went.</summary>
public sealed record CallbackAttemptView(long Position, int Attempt, DateTimeOffset AttemptedAt, CallbackOutcome Outcome, int? StatusCode, string? Error);

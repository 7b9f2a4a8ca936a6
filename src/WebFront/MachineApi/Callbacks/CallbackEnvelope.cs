using System.Text.Json;

namespace CaseGrains.WebFront.MachineApi.Callbacks;

/// <summary>
/// The body of a callback: the notice as the feed has it. <see cref="Position"/> also goes in the signed
/// Idempotency-Key ("{department}:{position}"), so a department that gets a notice twice can tell.
/// </summary>
public sealed record CallbackEnvelope(string Department, long Position, string Kind, string CaseId, DateTimeOffset RecordedAt, JsonElement Data);

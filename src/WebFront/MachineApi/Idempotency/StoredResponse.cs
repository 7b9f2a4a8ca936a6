namespace CaseGrains.WebFront.MachineApi.Idempotency;

/// <summary>The first response to a request with an Idempotency-Key, kept to answer its retries.</summary>
public sealed record StoredResponse(int Status, string? ContentType, string? Location, byte[] Body);

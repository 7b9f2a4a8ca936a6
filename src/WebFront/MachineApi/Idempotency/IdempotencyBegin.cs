namespace CaseGrains.WebFront.MachineApi.Idempotency;

/// <summary>What a request with an Idempotency-Key finds.</summary>
public sealed record IdempotencyBegin(IdempotencyState State, StoredResponse? FirstResponse = null)
{
    public static IdempotencyBegin Run { get; } = new(IdempotencyState.Run);
    public static IdempotencyBegin InFlight { get; } = new(IdempotencyState.InFlight);
    public static IdempotencyBegin Mismatch { get; } = new(IdempotencyState.Mismatch);
    public static IdempotencyBegin Replay(StoredResponse response) => new(IdempotencyState.Replay, response);
}

public enum IdempotencyState
{
    /// <summary>The key is new (or its record expired): this request runs.</summary>
    Run,
    /// <summary>The same request already ran: answer with its response.</summary>
    Replay,
    /// <summary>The same request is running now: 409.</summary>
    InFlight,
    /// <summary>The key was used for a different request: 422.</summary>
    Mismatch,
}

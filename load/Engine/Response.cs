namespace CaseGrains.Load.Engine;

/// <summary>What one step came to: ok or failed, and the bytes it moved (sent plus received).</summary>
public readonly record struct Response(bool IsOk, long Bytes, string? Error)
{
    public static Response Ok(long bytes = 0) => new(true, bytes, null);

    public static Response Fail(string error, long bytes = 0) => new(false, bytes, error);
}

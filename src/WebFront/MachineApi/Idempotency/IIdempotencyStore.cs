namespace CaseGrains.WebFront.MachineApi.Idempotency;

/// <summary>
/// Idempotency-Key records (IETF httpapi Idempotency-Key draft), scoped per department. A record is inserted before
/// the request runs, so that of concurrent requests with one key exactly one runs; it is then completed with the
/// first response, or released when the request failed on the server so that a retry may run it.
/// </summary>
public interface IIdempotencyStore
{
    /// <param name="fingerprint">SHA-256 over the method, the target and the body: "the same request".</param>
    /// <param name="inFlightTimeout">After this long an unfinished record is taken as lost and may be run again.</param>
    Task<IdempotencyBegin> BeginAsync(string scope, string key, byte[] fingerprint, TimeSpan inFlightTimeout, TimeSpan lifetime, CancellationToken cancellationToken);

    Task CompleteAsync(string scope, string key, StoredResponse response, CancellationToken cancellationToken);

    Task ReleaseAsync(string scope, string key, CancellationToken cancellationToken);

    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}

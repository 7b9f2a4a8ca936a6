namespace CaseGrains.WebFront.MachineApi.Replay;

/// <summary>Nonces of accepted signatures, per key, so that a captured request cannot be sent again.</summary>
public interface ISignatureNonceStore
{
    /// <summary>Records the nonce; false when it was used before with this key (a replay).</summary>
    Task<bool> TryUseAsync(string keyId, string nonce, DateTimeOffset keepUntil, CancellationToken cancellationToken);

    /// <summary>Forgets nonces whose signatures could no longer be fresh; returns how many.</summary>
    Task<int> PurgeExpiredAsync(CancellationToken cancellationToken);
}

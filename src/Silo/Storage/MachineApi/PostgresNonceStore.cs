using CaseGrains.WebFront.MachineApi.Replay;
using Npgsql;

namespace CaseGrains.Silo.Storage.MachineApi;

/// <summary>Signature nonces in the signature_nonce table; the primary key refuses a second use, across nodes.</summary>
public sealed class PostgresNonceStore(NpgsqlDataSource dataSource) : ISignatureNonceStore
{
    public async Task<bool> TryUseAsync(string keyId, string nonce, DateTimeOffset keepUntil, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            insert into signature_nonce (key_id, nonce, expires_at) values ($1, $2, $3) on conflict (key_id, nonce) do nothing
            """);
        command.Parameters.Add(new() { Value = keyId });
        command.Parameters.Add(new() { Value = nonce });
        command.Parameters.Add(new() { Value = keepUntil.ToUniversalTime() });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from signature_nonce where expires_at < now()");
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}

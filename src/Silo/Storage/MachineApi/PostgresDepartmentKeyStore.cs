using System.Buffers.Text;
using System.Security.Cryptography;
using CaseGrains.WebFront.MachineApi.Keys;
using Npgsql;

namespace CaseGrains.Silo.Storage.MachineApi;

/// <summary>Department keys in the department_key table, secrets sealed by <see cref="SecretCipher"/>.</summary>
public sealed class PostgresDepartmentKeyStore(NpgsqlDataSource dataSource, SecretCipher cipher) : IDepartmentKeyStore
{
    private const int SecretBytes = 32;

    public async Task<IssuedDepartmentKey> IssueAsync(string department, CancellationToken cancellationToken)
    {
        var keyId = $"{department}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8))}";
        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        await using var command = dataSource.CreateCommand("insert into department_key (key_id, department, secret) values ($1, $2, $3) returning issued_at");
        command.Parameters.Add(new() { Value = keyId });
        command.Parameters.Add(new() { Value = department });
        command.Parameters.Add(new() { Value = await cipher.SealAsync(secret, keyId, cancellationToken) });
        var issuedAt = (DateTime)(await command.ExecuteScalarAsync(cancellationToken))!;
        return new IssuedDepartmentKey(department, keyId, Base64Url.EncodeToString(secret), new DateTimeOffset(issuedAt, TimeSpan.Zero));
    }

    public async Task<IReadOnlyList<DepartmentKeyView>> ListAsync(string department, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select key_id, issued_at, revoked_at from department_key where department = $1 order by issued_at, key_id");
        command.Parameters.Add(new() { Value = department });
        var keys = new List<DepartmentKeyView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            keys.Add(new DepartmentKeyView(department, reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1),
                reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2)));
        return keys;
    }

    public async Task<DepartmentKeyView?> RevokeAsync(string department, string keyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            update department_key set revoked_at = coalesce(revoked_at, now()) where department = $1 and key_id = $2
            returning issued_at, revoked_at
            """);
        command.Parameters.Add(new() { Value = department });
        command.Parameters.Add(new() { Value = keyId });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) return null;
        return new DepartmentKeyView(department, keyId, reader.GetFieldValue<DateTimeOffset>(0), reader.GetFieldValue<DateTimeOffset>(1));
    }

    public async Task<DepartmentKey?> FindAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("select department, secret, revoked_at from department_key where key_id = $1");
        command.Parameters.Add(new() { Value = keyId });
        return await ReadKeyAsync(command, keyId, cancellationToken);
    }

    public async Task<DepartmentKey?> FindSigningKeyAsync(string department, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("""
            select department, secret, revoked_at, key_id from department_key
            where department = $1 and revoked_at is null order by issued_at desc, key_id desc limit 1
            """);
        command.Parameters.Add(new() { Value = department });
        return await ReadKeyAsync(command, null, cancellationToken);
    }

    private async Task<DepartmentKey?> ReadKeyAsync(NpgsqlCommand command, string? keyId, CancellationToken cancellationToken)
    {
        string department, id;
        byte[] sealedSecret;
        DateTimeOffset? revokedAt;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken)) return null;
            department = reader.GetString(0);
            sealedSecret = reader.GetFieldValue<byte[]>(1);
            revokedAt = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2);
            id = keyId ?? reader.GetString(3);
        }
        return new DepartmentKey(department, id, await cipher.OpenAsync(sealedSecret, id, cancellationToken), revokedAt);
    }
}

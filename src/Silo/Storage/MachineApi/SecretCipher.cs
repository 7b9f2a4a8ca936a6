using System.Security.Cryptography;
using CaseGrains.WebFront.MachineApi;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CaseGrains.Silo.Storage.MachineApi;

/// <summary>
/// Seals department secrets with AES-256-GCM before they reach the database: nonce (12) || tag (16) || ciphertext,
/// with the key id as associated data so a sealed secret cannot be moved to another key's row. The key comes from
/// MachineApi:SecretKey, or, when that is not set, is generated once and kept in the database (development only).
/// </summary>
public sealed partial class SecretCipher(NpgsqlDataSource dataSource, IOptions<MachineApiOptions> options, ILogger<SecretCipher> logger)
{
    private const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly SemaphoreSlim gate = new(1, 1);
    private byte[]? key;

    public async Task<byte[]> SealAsync(byte[] secret, string keyId, CancellationToken cancellationToken)
    {
        using var aes = new AesGcm(await KeyAsync(cancellationToken), TagBytes);
        var sealedSecret = new byte[NonceBytes + TagBytes + secret.Length];
        var nonce = sealedSecret.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        aes.Encrypt(nonce, secret, sealedSecret.AsSpan(NonceBytes + TagBytes), sealedSecret.AsSpan(NonceBytes, TagBytes), System.Text.Encoding.UTF8.GetBytes(keyId));
        return sealedSecret;
    }

    public async Task<byte[]> OpenAsync(byte[] sealedSecret, string keyId, CancellationToken cancellationToken)
    {
        if (sealedSecret.Length <= NonceBytes + TagBytes) throw new CryptographicException($"The sealed secret of key {keyId} is too short.");
        using var aes = new AesGcm(await KeyAsync(cancellationToken), TagBytes);
        var secret = new byte[sealedSecret.Length - NonceBytes - TagBytes];
        aes.Decrypt(sealedSecret.AsSpan(0, NonceBytes), sealedSecret.AsSpan(NonceBytes + TagBytes), sealedSecret.AsSpan(NonceBytes, TagBytes), secret,
            System.Text.Encoding.UTF8.GetBytes(keyId));
        return secret;
    }

    private async ValueTask<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (key is not null) return key;
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (key is not null) return key;
            var configured = options.Value.SecretKey;
            if (!string.IsNullOrWhiteSpace(configured))
            {
                var bytes = Convert.FromBase64String(configured);
                if (bytes.Length != KeyBytes) throw new InvalidOperationException($"MachineApi:SecretKey must be {KeyBytes} bytes in base64.");
                return key = bytes;
            }
            LogGeneratedKey(logger);
            // Two nodes starting at once: the one whose insert loses reads the winner's key, on a second look if its snapshot missed it.
            for (var attempt = 0; ; attempt++)
            {
                await using var command = dataSource.CreateCommand("""
                    with inserted as (insert into machine_api_secret_key (id, key) values (1, $1) on conflict (id) do nothing returning key)
                    select key from inserted union all select key from machine_api_secret_key where id = 1 limit 1
                    """);
                command.Parameters.Add(new() { Value = RandomNumberGenerator.GetBytes(KeyBytes) });
                if (await command.ExecuteScalarAsync(cancellationToken) is byte[] stored) return key = stored;
                if (attempt > 0) throw new InvalidOperationException("The machine API's secret key could be neither stored nor read.");
            }
        }
        finally
        {
            gate.Release();
        }
    }

    [LoggerMessage(LogLevel.Warning, "MachineApi:SecretKey is not set: department secrets are sealed with a key kept in the database, which is for development only")]
    private static partial void LogGeneratedKey(ILogger logger);
}

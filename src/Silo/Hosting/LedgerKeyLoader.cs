using CaseGrains.Ledger;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CaseGrains.Silo.Hosting;

/// <summary>
/// Loads the server's ledger identity once at start-up, after the schema migrations: the configured signing key, or
/// else the one kept in the database (generated and stored on the first start), and the registered witness keys.
/// </summary>
public sealed partial class LedgerKeyLoader(NpgsqlDataSource dataSource, IOptions<LedgerOptions> options, ILogger<LedgerKeyLoader> logger)
{
    private LedgerLog? log;

    public LedgerLog Log => log ?? throw new InvalidOperationException("The ledger keys are loaded at start-up, after the schema migrations.");

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        NoteSigner signer;
        if (!string.IsNullOrWhiteSpace(settings.SigningKey))
            signer = ParseSigningKey(settings.SigningKey, "Ledger:SigningKey");
        else if (!string.IsNullOrWhiteSpace(settings.SigningKeyFile))
            signer = ParseSigningKey(await File.ReadAllTextAsync(settings.SigningKeyFile, cancellationToken), "Ledger:SigningKeyFile");
        else
            signer = await LoadOrCreateStoredKeyAsync(settings.KeyName ?? settings.Origin, cancellationToken);

        var witnesses = new List<NoteVerifier>();
        for (var i = 0; i < settings.Witnesses.Count; i++)
        {
            if (!NoteVerifier.TryParse(settings.Witnesses[i], out var witness) || witness!.Type != NoteKeyType.Cosignature)
                throw new OptionsValidationException(LedgerOptions.Section, typeof(LedgerOptions),
                    [$"Ledger:Witnesses:{i} is not a witness verifier key (a Cosignature vkey, e.g. from casegrains-verify keygen --witness)."]);
            if (!UrlSafeName().IsMatch(witness.Name))
                throw new OptionsValidationException(LedgerOptions.Section, typeof(LedgerOptions),
                    [$"Ledger:Witnesses:{i} is named '{witness.Name}'; witness names appear in URLs, so use 1 to 64 letters, digits, '.', '-' or '_'."]);
            witnesses.Add(witness);
        }
        log = new LedgerLog(settings.Origin, signer, witnesses);
        LogLoaded(logger, signer.Name, signer.KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture), witnesses.Count);
    }

    private async Task<NoteSigner> LoadOrCreateStoredKeyAsync(string keyName, CancellationToken cancellationToken)
    {
        var stored = await ReadStoredKeyAsync(cancellationToken);
        if (stored is null)
        {
            using var generated = NoteSigner.Generate(keyName);
            // Two nodes starting together both try; the first insert wins and both read it back.
            await using var insert = dataSource.CreateCommand("insert into ledger_signing_key (skey) values ($1) on conflict (id) do nothing");
            insert.Parameters.Add(new() { Value = generated.ToSkey() });
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
                LogGenerated(logger, keyName);
            stored = await ReadStoredKeyAsync(cancellationToken) ?? throw new InvalidOperationException("The generated ledger key was not stored.");
        }
        return ParseSigningKey(stored, "the ledger_signing_key table");
    }

    private async Task<string?> ReadStoredKeyAsync(CancellationToken cancellationToken)
    {
        await using var select = dataSource.CreateCommand("select skey from ledger_signing_key where id = 1");
        return await select.ExecuteScalarAsync(cancellationToken) as string;
    }

    // The message never repeats the key text: it is a secret.
    private static NoteSigner ParseSigningKey(string skey, string source)
    {
        try
        {
            return NoteSigner.FromSkey(skey);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new OptionsValidationException(LedgerOptions.Section, typeof(LedgerOptions),
                [$"The ledger signing key from {source} is not a checkpoint skey (PRIVATE+KEY+name+id+key, e.g. from casegrains-verify keygen): {e.Message}"]);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial System.Text.RegularExpressions.Regex UrlSafeName();

    [LoggerMessage(LogLevel.Information, "Ledger checkpoints are signed by key {KeyName} ({KeyId}); {WitnessCount} witnesses are registered")]
    private static partial void LogLoaded(ILogger logger, string keyName, string keyId, int witnessCount);

    [LoggerMessage(LogLevel.Warning, "Generated the ledger signing key {KeyName} and stored it in the database; configure Ledger:SigningKeyFile to keep it elsewhere")]
    private static partial void LogGenerated(ILogger logger, string keyName);
}

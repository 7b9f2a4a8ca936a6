namespace CaseGrains.Ledger;

/// <summary>
/// The server's identity as a log: the origin prefix that names each case's log, the key that signs every checkpoint,
/// and the witnesses (the court, the tax bureau) whose cosignatures it accepts. Built once at start-up.
/// </summary>
public sealed class LedgerLog : ILedgerKeys
{
    private readonly Dictionary<string, NoteVerifier> witnesses = new(StringComparer.Ordinal);

    public LedgerLog(string originPrefix, NoteSigner signer, IEnumerable<NoteVerifier> witnessKeys)
    {
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(witnessKeys);
        // Checks the prefix the way every case's origin will use it.
        LedgerOrigin.For(originPrefix, "x");
        OriginPrefix = originPrefix;
        Signer = signer;
        foreach (var key in witnessKeys)
        {
            if (key.Type != NoteKeyType.Cosignature)
                throw new ArgumentException($"witness key {key.Name} is a {key.Type} key; a witness cosigns with a Cosignature key", nameof(witnessKeys));
            if (!witnesses.TryAdd(key.Name, key))
                throw new ArgumentException($"two witness keys are named {key.Name}", nameof(witnessKeys));
        }
    }

    public string OriginPrefix { get; }

    public NoteSigner Signer { get; }

    public NoteVerifier Verifier => Signer.Verifier;

    public IEnumerable<NoteVerifier> Witnesses => witnesses.Values;

    public string OriginOf(string caseId) => LedgerOrigin.For(OriginPrefix, caseId);

    public NoteVerifier? FindWitness(string name) => witnesses.GetValueOrDefault(name ?? "");

    public LedgerKeysView GetKeys() => new(
        Verifier.ToVkey(), Verifier.Name, OriginPrefix,
        [.. witnesses.Values.OrderBy(w => w.Name, StringComparer.Ordinal).Select(w => new WitnessKeyView(w.Name, w.ToVkey()))]);
}

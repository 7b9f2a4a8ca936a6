using System.Security.Cryptography;

namespace CaseGrains.Ledger;

/// <summary>
/// A witness's private key: makes timestamped cosignatures (see <see cref="Cosignature"/>). Takes ownership of the
/// key and disposes it. It does not check consistency itself; <see cref="Witness"/> does that before cosigning.
/// </summary>
public sealed class CosignatureSigner : IDisposable
{
    private readonly PrivateNoteKey key;

    public CosignatureSigner(string name, ECDsa privateKey)
        : this(new PrivateNoteKey(name, NoteKeyType.Cosignature, privateKey))
    {
    }

    private CosignatureSigner(PrivateNoteKey key) => this.key = key;

    public string Name => key.Name;

    public uint KeyId => key.KeyId;

    public NoteVerifier Verifier => key.Verifier;

    public static CosignatureSigner Generate(string name) => new(name, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    public static CosignatureSigner FromSkey(string skey) => new(PrivateNoteKey.FromSkey(skey, NoteKeyType.Cosignature));

    public string ToSkey() => key.ToSkey();

    /// <summary>Cosigns checkpoint text as of <paramref name="timestamp"/> (POSIX seconds).</summary>
    public NoteSignature Cosign(string checkpointText, long timestamp)
    {
        SignedNote.RequireValidText(checkpointText);
        var signature = key.Sign(Cosignature.Message(checkpointText, timestamp));
        return new NoteSignature(Name, KeyId, Cosignature.Layout(timestamp, signature));
    }

    /// <summary>Signs a message of another statement this witness makes (see <see cref="WitnessRefusal"/>), whose
    /// header keeps it from ever reading as a cosignature.</summary>
    internal byte[] SignStatement(ReadOnlySpan<byte> message) => key.Sign(message);

    public void Dispose() => key.Dispose();
}

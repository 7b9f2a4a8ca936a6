using System.Security.Cryptography;
using System.Text;

namespace CaseGrains.Ledger;

/// <summary>
/// A log's private note key: signs checkpoint text with ECDSA P-256 / SHA-256 as <see cref="NoteKeys"/> describes.
/// Takes ownership of the key and disposes it.
/// </summary>
public sealed class NoteSigner : IDisposable
{
    private readonly PrivateNoteKey key;

    public NoteSigner(string name, ECDsa privateKey)
        : this(new PrivateNoteKey(name, NoteKeyType.Checkpoint, privateKey))
    {
    }

    private NoteSigner(PrivateNoteKey key) => this.key = key;

    public string Name => key.Name;

    public uint KeyId => key.KeyId;

    /// <summary>The matching public key, to publish as a vkey with <see cref="NoteVerifier.ToVkey"/>.</summary>
    public NoteVerifier Verifier => key.Verifier;

    public static NoteSigner Generate(string name) => new(name, ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Reads a private key written by <see cref="ToSkey"/>; throws <see cref="FormatException"/> if it is not one.</summary>
    public static NoteSigner FromSkey(string skey) => new(PrivateNoteKey.FromSkey(skey, NoteKeyType.Checkpoint));

    /// <summary>The private key as text (see <see cref="NoteKeyText"/>). Keep it secret.</summary>
    public string ToSkey() => key.ToSkey();

    /// <summary>Signs note text, which must end in a newline.</summary>
    public NoteSignature Sign(string noteText)
    {
        SignedNote.RequireValidText(noteText);
        return new NoteSignature(Name, KeyId, key.Sign(Encoding.UTF8.GetBytes(noteText)));
    }

    public void Dispose() => key.Dispose();
}

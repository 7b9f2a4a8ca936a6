using System.Text;

namespace CaseGrains.Ledger;

/// <summary>
/// A trusted public note key: a name, a type and a P-256 public key (see <see cref="NoteKeys"/>). Immutable and
/// safe to share between threads. Its text form is a signed-note "vkey":
/// <c>&lt;name&gt;+&lt;8 hex digits of key ID&gt;+&lt;base64(type identifier || SubjectPublicKeyInfo)&gt;</c>.
/// </summary>
public sealed class NoteVerifier
{
    private readonly byte[] publicKey;

    public NoteVerifier(string name, NoteKeyType type, ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        NoteKeys.RequireValidName(name);
        // Importing once checks the key is a well-formed P-256 key, so later failures can only be bad signatures.
        using (EcdsaP256.ImportPublicKey(subjectPublicKeyInfo))
        {
        }
        Name = name;
        Type = type;
        publicKey = subjectPublicKeyInfo.ToArray();
        KeyId = NoteKeys.KeyId(name, type, publicKey);
    }

    public string Name { get; }

    public NoteKeyType Type { get; }

    public uint KeyId { get; }

    /// <summary>The DER SubjectPublicKeyInfo.</summary>
    public ReadOnlySpan<byte> PublicKey => publicKey;

    /// <summary>Whether the signature line claims to be from this key (name and key ID); says nothing of validity.</summary>
    public bool Matches(NoteSignature signature) =>
        signature is not null && signature.KeyId == KeyId && string.Equals(signature.KeyName, Name, StringComparison.Ordinal);

    /// <summary>
    /// Whether <paramref name="signature"/> is a valid signature by this key over <paramref name="noteText"/>. For a
    /// cosignature key this checks the timestamped cosignature message. Never throws on bad input.
    /// </summary>
    public bool Verify(string noteText, NoteSignature signature)
    {
        if (noteText is null || !Matches(signature))
            return false;
        if (Type == NoteKeyType.Checkpoint)
            return EcdsaP256.Verify(publicKey, Encoding.UTF8.GetBytes(noteText), signature.Signature);
        if (!Cosignature.TryGetTimestamp(signature, out var timestamp))
            return false;
        return EcdsaP256.Verify(publicKey, Cosignature.Message(noteText, timestamp), signature.Signature.AsSpan(8));
    }

    public string ToVkey() => NoteKeyText.FormatVkey(Name, Type, KeyId, publicKey);

    /// <summary>Parses a vkey; throws <see cref="FormatException"/> when it is malformed or its key ID does not match.</summary>
    public static NoteVerifier Parse(string vkey)
    {
        var (name, type, keyId, key) = NoteKeyText.ParseVkey(vkey);
        var verifier = new NoteVerifier(name, type, key);
        if (verifier.KeyId != keyId)
            throw new FormatException($"the vkey's key ID {keyId:x8} is not the one its name and key give ({verifier.KeyId:x8})");
        return verifier;
    }

    public static bool TryParse(string? vkey, out NoteVerifier? verifier)
    {
        verifier = null;
        if (vkey is null)
            return false;
        try
        {
            verifier = Parse(vkey);
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false;
        }
    }

    public override string ToString() => ToVkey();
}

using System.Security.Cryptography;

namespace CaseGrains.Ledger;

/// <summary>What <see cref="NoteSigner"/> and <see cref="CosignatureSigner"/> share: an owned P-256 key with its name and type.</summary>
internal sealed class PrivateNoteKey : IDisposable
{
    private readonly ECDsa key;
    private readonly Lock signing = new();

    public PrivateNoteKey(string name, NoteKeyType type, ECDsa key)
    {
        NoteKeys.RequireValidName(name);
        EcdsaP256.RequireP256(key);
        this.key = key;
        Name = name;
        Type = type;
        Verifier = new NoteVerifier(name, type, key.ExportSubjectPublicKeyInfo());
    }

    public string Name { get; }

    public NoteKeyType Type { get; }

    public NoteVerifier Verifier { get; }

    public uint KeyId => Verifier.KeyId;

    // ECDsa instances are not documented as thread-safe; signing is rare enough that a lock costs nothing.
    public byte[] Sign(ReadOnlySpan<byte> message)
    {
        lock (signing)
            return EcdsaP256.Sign(key, message);
    }

    public string ToSkey()
    {
        var pkcs8 = key.ExportPkcs8PrivateKey();
        try
        {
            return NoteKeyText.FormatSkey(Name, Type, KeyId, pkcs8);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    public static PrivateNoteKey FromSkey(string skey, NoteKeyType expectedType)
    {
        var (name, type, keyId, pkcs8) = NoteKeyText.ParseSkey(skey);
        try
        {
            if (type != expectedType)
                throw new FormatException($"this is a {type} key, not a {expectedType} key");
            var ecdsa = ECDsa.Create();
            try
            {
                ecdsa.ImportPkcs8PrivateKey(pkcs8, out var read);
                if (read != pkcs8.Length)
                    throw new FormatException("trailing bytes after the private key");
                var result = new PrivateNoteKey(name, type, ecdsa);
                if (result.KeyId != keyId)
                    throw new FormatException($"the skey's key ID {keyId:x8} is not the one its name and key give ({result.KeyId:x8})");
                return result;
            }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                ecdsa.Dispose();
                throw new FormatException("not a P-256 PKCS#8 private key: " + e.Message, e);
            }
            catch
            {
                ecdsa.Dispose();
                throw;
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    public void Dispose() => key.Dispose();
}

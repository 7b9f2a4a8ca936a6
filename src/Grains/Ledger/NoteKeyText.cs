using System.Globalization;

namespace CaseGrains.Ledger;

/// <summary>
/// The text forms of note keys, after golang.org/x/mod/sumdb/note: a public "vkey"
/// <c>name+hhhhhhhh+base64(type identifier || SubjectPublicKeyInfo)</c> and a private "skey"
/// <c>PRIVATE+KEY+name+hhhhhhhh+base64(type identifier || PKCS#8 private key)</c>, where hhhhhhhh is the key ID in
/// lower-case hex. Key names contain no '+', so splitting at the first '+' signs is unambiguous.
/// </summary>
public static class NoteKeyText
{
    public const string PrivateKeyPrefix = "PRIVATE+KEY+";

    public static string FormatVkey(string name, NoteKeyType type, uint keyId, ReadOnlySpan<byte> subjectPublicKeyInfo) =>
        $"{name}+{keyId:x8}+{Convert.ToBase64String([.. NoteKeys.TypeIdentifier(type), .. subjectPublicKeyInfo])}";

    public static string FormatSkey(string name, NoteKeyType type, uint keyId, ReadOnlySpan<byte> pkcs8PrivateKey) =>
        PrivateKeyPrefix + FormatVkey(name, type, keyId, pkcs8PrivateKey);

    public static (string Name, NoteKeyType Type, uint KeyId, byte[] Key) ParseVkey(string vkey)
    {
        ArgumentNullException.ThrowIfNull(vkey);
        var text = vkey.Trim();
        if (text.StartsWith(PrivateKeyPrefix, StringComparison.Ordinal))
            throw new FormatException("this is a private key (skey), not a verifier key (vkey)");
        return ParseParts(text);
    }

    public static (string Name, NoteKeyType Type, uint KeyId, byte[] Key) ParseSkey(string skey)
    {
        ArgumentNullException.ThrowIfNull(skey);
        var text = skey.Trim();
        if (!text.StartsWith(PrivateKeyPrefix, StringComparison.Ordinal))
            throw new FormatException($"a private note key starts with {PrivateKeyPrefix}");
        return ParseParts(text[PrivateKeyPrefix.Length..]);
    }

    private static (string, NoteKeyType, uint, byte[]) ParseParts(string text)
    {
        var parts = text.Split('+', 3);
        if (parts.Length != 3)
            throw new FormatException("a note key is name+keyid+base64");
        var (name, hex, body) = (parts[0], parts[1], parts[2]);
        if (!NoteKeys.IsValidName(name))
            throw new FormatException($"'{name}' is not a valid key name");
        if (hex.Length != 8 || !uint.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var keyId))
            throw new FormatException("a note key's ID is eight hex digits");
        var bytes = StrictBase64.Decode(body, "key");
        var typeLength = NoteKeys.MatchTypeIdentifier(bytes, out var type);
        if (typeLength == 0)
            throw new FormatException("the key is not of a type CaseGrains knows (ECDSA P-256 checkpoint or cosignature key)");
        return (name, type, keyId, bytes[typeLength..]);
    }
}

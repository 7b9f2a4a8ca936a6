using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace CaseGrains.Ledger;

/// <summary>
/// Identity of CaseGrains signed-note keys (https://c2sp.org/signed-note): signature type identifiers, key IDs and
/// key names.
/// </summary>
/// <remarks>
/// <para>signed-note assigns type 0x01 to Ed25519 and 0x02 to "ECDSA as implemented by transparency-dev/witness",
/// whose key ID is hashed from the public key alone and whose byte format is defined only by that code. Rather than
/// claim compatibility with an implementation we have not tested against, CaseGrains uses the type byte 0xff, which
/// the spec reserves for unassigned types, followed (as the spec recommends) by a long ASCII identifier:</para>
/// <list type="bullet">
/// <item><see cref="NoteKeyType.Checkpoint"/>: 0xff || "casegrains/ecdsa-p256-sha256/v1". The signature is ECDSA
/// over NIST P-256 with SHA-256 of the UTF-8 note text, encoded as IEEE P1363 r || s (exactly 64 bytes, not DER), so
/// a note signature decodes to 4 + 64 bytes.</item>
/// <item><see cref="NoteKeyType.Cosignature"/>: 0xff || "casegrains/cosignature-ecdsa-p256-sha256/v1". The signature
/// follows the Ed25519 shape of https://c2sp.org/tlog-cosignature with ECDSA in place of Ed25519: a big-endian u64
/// POSIX timestamp followed by the 64-byte P1363 ECDSA P-256/SHA-256 signature of
/// "cosignature/v1\ntime &lt;timestamp&gt;\n" || note text, so it decodes to 4 + 8 + 64 bytes.</item>
/// </list>
/// <para>The public key is the DER SubjectPublicKeyInfo of the P-256 key. The key ID is, as signed-note recommends,
/// the first four bytes (big-endian) of SHA-256(key name || 0x0a || type identifier || SubjectPublicKeyInfo).</para>
/// <para>Like the Ed25519 cosignature, the cosigned message does not name the cosigner, so one key must not serve
/// two witnesses; the distinct type identifiers keep a checkpoint key's signatures from passing as cosignatures.</para>
/// </remarks>
public static class NoteKeys
{
    /// <summary>The byte signed-note reserves for signature types it does not assign.</summary>
    public const byte UnassignedType = 0xff;

    private static readonly byte[] CheckpointTypeId = TypeBytes("casegrains/ecdsa-p256-sha256/v1");
    private static readonly byte[] CosignatureTypeId = TypeBytes("casegrains/cosignature-ecdsa-p256-sha256/v1");

    /// <summary>The full signature type identifier: 0xff followed by the ASCII name of the type.</summary>
    public static ReadOnlySpan<byte> TypeIdentifier(NoteKeyType type) => type switch
    {
        NoteKeyType.Checkpoint => CheckpointTypeId,
        NoteKeyType.Cosignature => CosignatureTypeId,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown note key type"),
    };

    /// <summary>Recognizes a type identifier at the start of <paramref name="typeAndKey"/>; returns its length, or 0.</summary>
    public static int MatchTypeIdentifier(ReadOnlySpan<byte> typeAndKey, out NoteKeyType type)
    {
        foreach (var candidate in (ReadOnlySpan<NoteKeyType>)[NoteKeyType.Checkpoint, NoteKeyType.Cosignature])
        {
            var id = TypeIdentifier(candidate);
            if (typeAndKey.StartsWith(id))
            {
                type = candidate;
                return id.Length;
            }
        }
        type = default;
        return 0;
    }

    /// <summary>SHA-256(name || 0x0a || type identifier || public key)[:4], read big-endian.</summary>
    public static uint KeyId(string name, NoteKeyType type, ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(name));
        sha.AppendData([0x0a]);
        sha.AppendData(TypeIdentifier(type));
        sha.AppendData(subjectPublicKeyInfo);
        Span<byte> hash = stackalloc byte[32];
        sha.GetHashAndReset(hash);
        return BinaryPrimitives.ReadUInt32BigEndian(hash);
    }

    /// <summary>signed-note key names are non-empty and contain no Unicode spaces, no '+' and no control characters.</summary>
    public static bool IsValidName(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return false;
        foreach (var c in name)
        {
            if (c == '+' || char.IsWhiteSpace(c) || char.IsControl(c))
                return false;
        }
        return true;
    }

    internal static void RequireValidName(string name)
    {
        if (!IsValidName(name))
            throw new ArgumentException($"'{name}' is not a valid note key name: it must be non-empty, without spaces or '+'", nameof(name));
    }

    private static byte[] TypeBytes(string name) => [UnassignedType, .. Encoding.ASCII.GetBytes(name)];
}

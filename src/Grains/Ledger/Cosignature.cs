using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace CaseGrains.Ledger;

/// <summary>
/// The message and byte layout of a witness cosignature in the shape of https://c2sp.org/tlog-cosignature
/// (cosignature/v1), signed with ECDSA P-256 instead of Ed25519; see <see cref="NoteKeys"/>.
/// </summary>
public static class Cosignature
{
    public const string Header = "cosignature/v1";

    /// <summary>The signed message: "cosignature/v1\ntime &lt;t&gt;\n" followed by the whole checkpoint text.</summary>
    public static byte[] Message(string checkpointText, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(checkpointText);
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        return Encoding.UTF8.GetBytes($"{Header}\ntime {timestamp.ToString(CultureInfo.InvariantCulture)}\n{checkpointText}");
    }

    /// <summary>The POSIX time a cosignature claims, read from its first eight bytes (big-endian).</summary>
    public static bool TryGetTimestamp(NoteSignature signature, out long timestamp)
    {
        ArgumentNullException.ThrowIfNull(signature);
        timestamp = 0;
        if (signature.Signature.Length != 8 + EcdsaP256.SignatureSize)
            return false;
        var value = BinaryPrimitives.ReadUInt64BigEndian(signature.Signature);
        if (value > long.MaxValue)
            return false;
        timestamp = (long)value;
        return true;
    }

    internal static byte[] Layout(long timestamp, ReadOnlySpan<byte> ecdsaSignature)
    {
        var bytes = new byte[8 + ecdsaSignature.Length];
        BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)timestamp);
        ecdsaSignature.CopyTo(bytes.AsSpan(8));
        return bytes;
    }
}

using System.Globalization;
using System.Text;

namespace CaseGrains.Ledger;

/// <summary>
/// A witness's signed statement that it refuses to cosign a checkpoint, and why. The witness signs, with its
/// cosignature key, the UTF-8 message
/// <c>casegrains-refusal/v1\ntime &lt;POSIX seconds&gt;\nreason &lt;one line&gt;\n</c> followed by the checkpoint text.
/// The first line differs from a cosignature's ("cosignature/v1"), so a refusal can never pass for a cosignature.
/// The signature line has a cosignature's layout: key ID, then the big-endian u64 time and the 64-byte P1363 signature.
/// </summary>
public static class WitnessRefusal
{
    public const string Header = "casegrains-refusal/v1";

    /// <summary>Longest reason kept; longer ones are cut here, before signing.</summary>
    public const int MaxReasonLength = 1000;

    public static byte[] Message(string checkpointText, string reason, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(checkpointText);
        ArgumentOutOfRangeException.ThrowIfNegative(timestamp);
        RequireReason(reason);
        return Encoding.UTF8.GetBytes($"{Header}\ntime {timestamp.ToString(CultureInfo.InvariantCulture)}\nreason {reason}\n{checkpointText}");
    }

    /// <summary>Makes a reason fit the statement: one line of at most <see cref="MaxReasonLength"/> characters.</summary>
    public static string Normalize(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        var line = string.Join(' ', reason.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (line.Length > MaxReasonLength)
            line = line[..MaxReasonLength];
        return line.Length == 0 ? "refused" : line;
    }

    public static NoteSignature Sign(CosignatureSigner witness, string checkpointText, string reason, long timestamp)
    {
        ArgumentNullException.ThrowIfNull(witness);
        SignedNote.RequireValidText(checkpointText);
        var signature = witness.SignStatement(Message(checkpointText, reason, timestamp));
        return new NoteSignature(witness.Name, witness.KeyId, Cosignature.Layout(timestamp, signature));
    }

    /// <summary>Whether <paramref name="signature"/> is the witness's refusal of this checkpoint text for this reason. Never throws on bad input.</summary>
    public static bool Verify(NoteVerifier witness, string checkpointText, string reason, NoteSignature signature)
    {
        ArgumentNullException.ThrowIfNull(witness);
        if (checkpointText is null || reason is null || signature is null || witness.Type != NoteKeyType.Cosignature
            || !witness.Matches(signature) || !IsValidReason(reason) || !Cosignature.TryGetTimestamp(signature, out var timestamp))
            return false;
        return EcdsaP256.Verify(witness.PublicKey, Message(checkpointText, reason, timestamp), signature.Signature.AsSpan(8));
    }

    private static bool IsValidReason(string reason) =>
        reason.Length is > 0 and <= MaxReasonLength && !reason.Contains('\n', StringComparison.Ordinal) && !reason.Contains('\r', StringComparison.Ordinal);

    private static void RequireReason(string reason)
    {
        ArgumentNullException.ThrowIfNull(reason);
        if (!IsValidReason(reason))
            throw new ArgumentException($"a refusal reason is one non-empty line of at most {MaxReasonLength} characters; see Normalize", nameof(reason));
    }
}

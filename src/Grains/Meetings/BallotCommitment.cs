using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;
using CaseGrains.Ledger;

namespace CaseGrains.Meetings;

/// <summary>
/// The public stand-in for a ballot: lowercase hex SHA-256 of the UTF-8 text
/// <c>casegrains-ballot/v1\n{meeting}\n{resolution}\n{creditor}\n{choice}\n{ballotNumber}\n{salt}</c>.
/// With the salt (which only the voter receives) anyone can recompute it; without it the choice cannot be guessed.
/// </summary>
public static class BallotCommitment
{
    public static string Of(BallotCast ballot) =>
        Of(ballot.MeetingId, ballot.ResolutionId, ballot.CreditorId, ballot.Choice.ToString(), ballot.BallotNumber, ballot.Salt);

    public static string Of(string meetingId, string resolutionId, string creditorId, string choice, long ballotNumber, string salt)
    {
        // Every ballot is hashed: the text is written as UTF-8 straight into a buffer, never made a string.
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        var length = Encoding.UTF8.GetMaxByteCount(meetingId.Length + resolutionId.Length + creditorId.Length + choice.Length + salt.Length + 60);
        var rented = length <= 1024 ? null : ArrayPool<byte>.Shared.Rent(length);
        Span<byte> text = rented ?? stackalloc byte[length];
        if (!Utf8.TryWrite(text, CultureInfo.InvariantCulture,
                $"casegrains-ballot/v1\n{meetingId}\n{resolutionId}\n{creditorId}\n{choice}\n{ballotNumber}\n{salt}", out var written))
            throw new InvalidOperationException("The ballot text did not fit its buffer.");
        ThreadSha256.Hash([], text[..written], hash);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>
    /// 16 random bytes as hex. They come from a per-thread block of 4 KiB that the operating system's generator fills
    /// at once: one generator call per 256 ballots instead of one each.
    /// </summary>
    public static string NewSalt()
    {
        const int saltBytes = 16;
        var pool = randomPool ??= new byte[4096];
        if (randomTaken == 0 || randomTaken + saltBytes > pool.Length)
        {
            RandomNumberGenerator.Fill(pool);
            randomTaken = 0;
        }
        var salt = pool.AsSpan(randomTaken, saltBytes);
        randomTaken += saltBytes;
        var text = Convert.ToHexStringLower(salt);
        salt.Clear();
        return text;
    }

    [ThreadStatic] private static byte[]? randomPool;
    [ThreadStatic] private static int randomTaken;
}

using System.Buffers.Binary;
using System.Security.Cryptography;

namespace CaseGrains.Security.Totp;

/// <summary>RFC 6238 time-based one-time passwords: HOTP (RFC 4226) over the number of time steps since the Unix epoch.</summary>
public static class TotpGenerator
{
    /// <summary>The time step <c>floor(unixSeconds / X)</c> that <paramref name="at"/> falls in (T0 = 0).</summary>
    public static long TimeStep(DateTimeOffset at, int stepSeconds = 30)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stepSeconds);
        var seconds = at.ToUnixTimeSeconds();

        // Floor, not truncation, so that instants before 1970 do not share step 0.
        return seconds >= 0 ? seconds / stepSeconds : ((seconds + 1) / stepSeconds) - 1;
    }

    /// <summary>The code for <paramref name="timeStep"/>, left-padded with zeros to the configured digits.</summary>
    public static string Code(ReadOnlySpan<byte> secret, long timeStep, TotpParameters? parameters = null)
    {
        parameters ??= TotpParameters.Default;
        parameters.Validate();
        if (secret.IsEmpty)
        {
            throw new ArgumentException("The secret is empty.", nameof(secret));
        }

        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, timeStep);

        Span<byte> mac = stackalloc byte[64];
        var written = parameters.Algorithm switch
        {
            TotpAlgorithm.Sha1 => HMACSHA1.HashData(secret, counter, mac),
            TotpAlgorithm.Sha256 => HMACSHA256.HashData(secret, counter, mac),
            _ => HMACSHA512.HashData(secret, counter, mac),
        };
        mac = mac[..written];

        // Dynamic truncation (RFC 4226 section 5.3): 31 bits from the offset the last nibble names.
        var offset = mac[^1] & 0x0F;
        var binary = BinaryPrimitives.ReadInt32BigEndian(mac.Slice(offset, 4)) & 0x7FFF_FFFF;
        var modulus = parameters.Digits == 8 ? 100_000_000 : 1_000_000;
        return (binary % modulus).ToString(parameters.Digits == 8 ? "D8" : "D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The code at instant <paramref name="at"/>.</summary>
    public static string Code(ReadOnlySpan<byte> secret, DateTimeOffset at, TotpParameters? parameters = null)
    {
        parameters ??= TotpParameters.Default;
        return Code(secret, TimeStep(at, parameters.StepSeconds), parameters);
    }

    /// <summary>
    /// A new random secret as long as the algorithm's hash (20, 32 or 64 bytes), as RFC 4226 section 4 recommends
    /// (at least 128 bits, 160 preferred) and RFC 6238's reference seeds do.
    /// </summary>
    public static byte[] NewSecret(TotpAlgorithm algorithm = TotpAlgorithm.Sha1) => RandomNumberGenerator.GetBytes(algorithm switch
    {
        TotpAlgorithm.Sha1 => 20,
        TotpAlgorithm.Sha256 => 32,
        TotpAlgorithm.Sha512 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "Unknown TOTP algorithm."),
    });
}

using System.Globalization;

namespace CaseGrains.Security.Totp;

/// <summary>
/// Builds the otpauth://totp/ URI that authenticator apps read from a QR code (Google Authenticator's Key URI
/// format): <c>otpauth://totp/ISSUER:ACCOUNT?secret=BASE32&amp;issuer=ISSUER&amp;algorithm=SHA1&amp;digits=6&amp;period=30</c>.
/// </summary>
/// <remarks>
/// The issuer goes both in the label prefix and in the issuer parameter, as the format recommends. The parameters
/// are always written out; some apps ignore algorithm and digits, so SHA-256/512 or 8-digit secrets should be
/// tried with the app users actually have.
/// </remarks>
public static class OtpAuthUri
{
    /// <exception cref="ArgumentException">An empty issuer or account, or one containing ':' (the label separator).</exception>
    public static string Build(string issuer, string accountName, ReadOnlySpan<byte> secret, TotpParameters? parameters = null)
    {
        parameters ??= TotpParameters.Default;
        parameters.Validate();
        CheckLabelPart(issuer, nameof(issuer));
        CheckLabelPart(accountName, nameof(accountName));
        if (secret.IsEmpty)
        {
            throw new ArgumentException("The secret is empty.", nameof(secret));
        }

        var algorithm = parameters.Algorithm switch
        {
            TotpAlgorithm.Sha1 => "SHA1",
            TotpAlgorithm.Sha256 => "SHA256",
            _ => "SHA512",
        };

        return string.Create(
            CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(issuer)}:{Uri.EscapeDataString(accountName)}?secret={Base32.Encode(secret, pad: false)}&issuer={Uri.EscapeDataString(issuer)}&algorithm={algorithm}&digits={parameters.Digits}&period={parameters.StepSeconds}");
    }

    private static void CheckLabelPart(string value, string name)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("Must not be empty.", name);
        }

        if (value.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("Must not contain ':', which separates issuer and account in the label.", name);
        }
    }
}

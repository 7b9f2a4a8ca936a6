using System.Security.Cryptography;
using System.Text;

namespace CaseGrains.WebFront.Security;

/// <summary>Invitation codes: 20 random bytes in base32 for the creditor; the store keeps only their SHA-256.</summary>
public static class Invitations
{
    public static string NewCode() => CaseGrains.Security.Totp.Base32.Encode(RandomNumberGenerator.GetBytes(20));

    public static string KeyOf(string code) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToUpperInvariant())));
}

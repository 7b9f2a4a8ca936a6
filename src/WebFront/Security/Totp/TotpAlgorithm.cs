namespace CaseGrains.Security.Totp;

/// <summary>The HMAC behind a TOTP code (RFC 6238 section 1.2).</summary>
public enum TotpAlgorithm
{
    Sha1,
    Sha256,
    Sha512,
}

using System.Security.Cryptography;

namespace CaseGrains.Ledger;

/// <summary>The one signature primitive notes use: ECDSA over NIST P-256, SHA-256, IEEE P1363 (r || s) encoding.</summary>
internal static class EcdsaP256
{
    public const int SignatureSize = 64;

    private const string CurveOid = "1.2.840.10045.3.1.7";

    public static void RequireP256(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var curve = key.ExportParameters(includePrivateParameters: false).Curve;
        var named = curve.IsNamed && (curve.Oid.Value == CurveOid || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256");
        if (!named || key.KeySize != 256)
            throw new ArgumentException("note keys must be ECDSA keys on NIST P-256", nameof(key));
    }

    public static byte[] Sign(ECDsa key, ReadOnlySpan<byte> message) =>
        key.SignData(message, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    /// <summary>Imports a DER SubjectPublicKeyInfo, insisting on P-256 and on no trailing bytes.</summary>
    public static ECDsa ImportPublicKey(ReadOnlySpan<byte> subjectPublicKeyInfo)
    {
        var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(subjectPublicKeyInfo, out var read);
            if (read != subjectPublicKeyInfo.Length)
                throw new FormatException("trailing bytes after the public key");
            RequireP256(key);
            return key;
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            key.Dispose();
            throw new FormatException("not a P-256 SubjectPublicKeyInfo: " + e.Message, e);
        }
        catch
        {
            key.Dispose();
            throw;
        }
    }

    public static bool Verify(ReadOnlySpan<byte> subjectPublicKeyInfo, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        if (signature.Length != SignatureSize)
            return false;
        try
        {
            using var key = ImportPublicKey(subjectPublicKeyInfo);
            return key.VerifyData(message, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }
}

namespace CaseGrains.MachineApi.Signatures;

/// <summary>
/// The verdict on a signed request. Whatever the verdict, the label, key id, nonce and created time are given
/// when they could be read, so that the caller can log them, refuse a repeated nonce and check that the key is
/// not revoked.
/// </summary>
public sealed record SignatureVerification(
    SignatureCheck Check,
    string Detail,
    string? Label = null,
    string? KeyId = null,
    string? Nonce = null,
    DateTimeOffset? Created = null)
{
    public bool IsValid => Check == SignatureCheck.Ok;
}

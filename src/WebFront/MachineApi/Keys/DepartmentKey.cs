namespace CaseGrains.WebFront.MachineApi.Keys;

/// <summary>A key with its secret, for verifying and signing inside the server; never serialized.</summary>
public sealed class DepartmentKey(string department, string keyId, byte[] secret, DateTimeOffset? revokedAt)
{
    public string Department { get; } = department;
    public string KeyId { get; } = keyId;
    public byte[] Secret { get; } = secret;
    public DateTimeOffset? RevokedAt { get; } = revokedAt;
    public bool Revoked => RevokedAt is not null;

    public override string ToString() => $"{Department}/{KeyId}";
}

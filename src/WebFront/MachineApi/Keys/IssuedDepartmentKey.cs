namespace CaseGrains.WebFront.MachineApi.Keys;

/// <summary>A newly issued key. <see cref="Secret"/> (base64url of 32 bytes; the HMAC key is the decoded bytes) is shown only this once.</summary>
public sealed record IssuedDepartmentKey(string Department, string KeyId, string Secret, DateTimeOffset IssuedAt);

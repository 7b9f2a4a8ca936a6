using System.Security.Cryptography;
using CaseGrains.MachineApi.Signatures;

namespace CaseGrains.Load.Departments;

/// <summary>
/// Signs a department's request as RFC 9421 says (hmac-sha256 over method, target URI, content digest and
/// Idempotency-Key), with a key per department. Kept in one place: the machine API will check these headers.
/// </summary>
public sealed class DepartmentSigning
{
    private readonly Dictionary<string, byte[]> secrets = new(StringComparer.Ordinal);

    /// <summary>The department's key. TODO: take the key the platform registers for the department once the machine API is merged.</summary>
    public byte[] SecretOf(string department)
    {
        lock (secrets)
        {
            if (!secrets.TryGetValue(department, out var secret)) secrets[department] = secret = RandomNumberGenerator.GetBytes(32);
            return secret;
        }
    }

    /// <summary>Content-Digest, Idempotency-Key, Signature-Input and Signature for a request with body <paramref name="content"/>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers(string department, HttpMethod method, Uri target, byte[] content, string idempotencyKey) =>
        RequestSigner.Sign(method.Method, target, content, idempotencyKey, department, SecretOf(department), DateTimeOffset.UtcNow, RequestSigner.NewNonce())
            .ToHeaders();
}

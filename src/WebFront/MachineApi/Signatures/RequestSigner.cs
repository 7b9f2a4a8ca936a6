using System.Buffers.Text;
using System.Security.Cryptography;

namespace CaseGrains.MachineApi.Signatures;

/// <summary>
/// Signs a department client's request the way the machine API verifies it: hmac-sha256 over @method,
/// @target-uri, content-digest and, when there is one, idempotency-key, with created, nonce, keyid and alg.
/// </summary>
public static class RequestSigner
{
    public const string DefaultLabel = "sig1";

    /// <summary>The headers to add to the request; the caller sends <paramref name="content"/> unchanged as the body.</summary>
    /// <param name="created">When the signature is made; the server accepts it within its clock-skew window.</param>
    /// <param name="nonce">A value never used before with this key, e.g. <see cref="NewNonce"/>; the server refuses repeats.</param>
    public static SignedRequestHeaders Sign(
        string method,
        Uri targetUri,
        ReadOnlySpan<byte> content,
        string? idempotencyKey,
        string keyId,
        ReadOnlySpan<byte> secret,
        DateTimeOffset created,
        string nonce,
        string label = DefaultLabel)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(targetUri);
        ArgumentException.ThrowIfNullOrEmpty(keyId);
        ArgumentException.ThrowIfNullOrEmpty(nonce);
        if (secret.IsEmpty)
        {
            throw new ArgumentException("The secret is empty.", nameof(secret));
        }

        // HttpClient sends Uri.PathAndQuery, which rewrites escapes; sign that form so the server sees what was signed.
        var wireUri = new Uri(targetUri.GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped));

        var digest = ContentDigest.Compute(content);
        var headers = new List<KeyValuePair<string, string>> { new(ContentDigest.HeaderName, digest) };
        var components = new List<string> { SignatureComponents.Method, SignatureComponents.TargetUri, SignatureComponents.ContentDigest };
        if (idempotencyKey is not null)
        {
            headers.Add(new("Idempotency-Key", idempotencyKey));
            components.Add(SignatureComponents.IdempotencyKey);
        }

        var parameters = SignatureParameters.Create(components, created.ToUnixTimeSeconds(), nonce, keyId, HmacSha256Signature.AlgorithmName);
        var request = new SignableRequest(method, wireUri, headers, content.ToArray());
        var signature = MessageSignature.Create(request, parameters, label, secret);
        return new SignedRequestHeaders(digest, idempotencyKey, signature.SignatureInput, signature.Signature, signature.SignatureBase);
    }

    /// <summary>128 random bits, base64url without padding.</summary>
    public static string NewNonce() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));
}

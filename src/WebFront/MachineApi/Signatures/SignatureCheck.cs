namespace CaseGrains.MachineApi.Signatures;

/// <summary>Which check a signed request passed last, or failed.</summary>
public enum SignatureCheck
{
    /// <summary>Every check passed.</summary>
    Ok,
    /// <summary>Signature-Input or Signature is absent, has no entry for the label, or a covered field is not in the request.</summary>
    MissingHeader,
    /// <summary>A signature field or a covered value is not well formed.</summary>
    MalformedHeader,
    /// <summary>A covered component this implementation does not support, or one with component parameters.</summary>
    UnknownComponent,
    /// <summary>The signature does not cover a component the verifier requires.</summary>
    ComponentNotCovered,
    /// <summary>A required signature parameter (keyid, created, nonce) is absent.</summary>
    MissingParameter,
    /// <summary>The alg parameter names something other than hmac-sha256.</summary>
    UnsupportedAlgorithm,
    /// <summary>No secret is known for the keyid.</summary>
    UnknownKey,
    /// <summary>Content-Digest is absent, malformed, or does not match the content.</summary>
    BadDigest,
    /// <summary>The HMAC does not match the signature base.</summary>
    BadSignature,
    /// <summary>created is further from now than the allowed clock skew.</summary>
    CreatedOutsideWindow,
    /// <summary>The signer's expires time has passed.</summary>
    Expired,
}

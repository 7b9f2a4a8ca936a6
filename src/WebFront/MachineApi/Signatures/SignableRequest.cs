namespace CaseGrains.MachineApi.Signatures;

/// <summary>
/// What a request signature can cover: the method, the target URI as the client addressed it, the header fields
/// and the content. Built by the client before sending and by the server from what it received (behind a proxy,
/// from the original scheme and host).
/// </summary>
/// <param name="TargetUri">
/// The absolute http(s) URI in the form that goes over the wire. Path and query are covered exactly as written in
/// it: on the server, build it from the scheme, the Host and the raw request target (IHttpRequestFeature.RawTarget),
/// not from the decoded path; a .NET client gets the wire form from <see cref="RequestSigner"/>.
/// </param>
/// <param name="Headers">Field lines in order; names compare case-insensitively and repeated names are combined.</param>
public sealed record SignableRequest(string Method, Uri TargetUri, IReadOnlyList<KeyValuePair<string, string>> Headers, ReadOnlyMemory<byte> Content)
{
    /// <summary>
    /// The field's value as RFC 9421 section 2.1 canonicalizes it: each line's value trimmed of surrounding spaces
    /// and tabs, lines with the same name joined by ", " in order. False when no line has the name.
    /// </summary>
    public bool TryGetField(string name, out string value)
    {
        ArgumentNullException.ThrowIfNull(name);
        List<string>? values = null;
        foreach (var (key, v) in Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                (values ??= []).Add(v.Trim(' ', '\t'));
            }
        }

        value = values is null ? string.Empty : string.Join(", ", values);
        return values is not null;
    }

    /// <summary>A copy with one more field line, for building requests in code.</summary>
    public SignableRequest WithHeader(string name, string value) => this with { Headers = [.. Headers, new(name, value)] };
}

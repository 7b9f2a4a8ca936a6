using System.Text;

namespace CaseGrains.MachineApi.Signatures;

/// <summary>Builds the signature base of RFC 9421 section 2.5 for a request.</summary>
public static class SignatureBase
{
    /// <summary>
    /// One line <c>"identifier": value</c> per covered component, then <c>"@signature-params": (...)</c>, joined by
    /// LF with no trailing newline.
    /// </summary>
    /// <exception cref="SignatureException">
    /// UnknownComponent, MissingHeader (a covered field the request does not have) or MalformedHeader (a repeated
    /// component, or a value with characters a signature base cannot hold).
    /// </exception>
    public static string Build(SignableRequest request, SignatureParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(parameters);
        if (!request.TargetUri.IsAbsoluteUri)
        {
            throw new ArgumentException("The target URI must be absolute.", nameof(request));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var builder = new StringBuilder();
        foreach (var component in parameters.Components)
        {
            if (!seen.Add(component))
            {
                throw new SignatureException(SignatureCheck.MalformedHeader, $"component \"{component}\" is covered twice");
            }

            if (!SignatureComponents.IsSupported(component))
            {
                throw new SignatureException(SignatureCheck.UnknownComponent, $"component \"{component}\" is not supported");
            }

            var value = Value(request, component);
            if (!value.All(c => c is '\t' or (>= ' ' and <= '~')))
            {
                throw new SignatureException(SignatureCheck.MalformedHeader, $"the value of \"{component}\" has characters outside visible ASCII");
            }

            builder.Append(StructuredFields.SerializeString(component)).Append(": ").Append(value).Append('\n');
        }

        builder.Append("\"@signature-params\": ").Append(parameters.Serialize());
        return builder.ToString();
    }

    private static string Value(SignableRequest request, string component)
    {
        var uri = request.TargetUri;
        return component switch
        {
            SignatureComponents.Method => request.Method,
            SignatureComponents.TargetUri => $"{Scheme(uri)}://{Authority(uri)}{RawPath(uri)}{RawQuery(uri) ?? string.Empty}",
            SignatureComponents.Authority => Authority(uri),
            SignatureComponents.Scheme => Scheme(uri),
            SignatureComponents.Path => RawPath(uri),
            SignatureComponents.Query => RawQuery(uri) ?? "?",
            _ => request.TryGetField(component, out var value)
                ? value
                : throw new SignatureException(SignatureCheck.MissingHeader, $"the covered field {component} is not in the request"),
        };
    }

    private static string Scheme(Uri uri) => uri.Scheme.ToLowerInvariant();

    // Normalized as RFC 9421 section 2.2.3 asks: lower case, default port left out.
    private static string Authority(Uri uri) => uri.Authority.ToLowerInvariant();

    // Path and query come from the URI's original text, not from Uri's normalized form, which rewrites escapes
    // (bat%2Dman becomes bat-man): they must be what went over the wire, however the sender escaped it.
    private static string RawPath(Uri uri)
    {
        var pathAndQuery = RawPathAndQuery(uri);
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var path = query >= 0 ? pathAndQuery[..query] : pathAndQuery;
        return path.Length == 0 ? "/" : path;
    }

    /// <summary>The query with its leading '?', or null when the URI has none.</summary>
    private static string? RawQuery(Uri uri)
    {
        var pathAndQuery = RawPathAndQuery(uri);
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return query >= 0 ? pathAndQuery[query..] : null;
    }

    private static string RawPathAndQuery(Uri uri)
    {
        if (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("The target URI must be http or https.", nameof(uri));
        }

        var text = uri.OriginalString.Trim();
        var afterScheme = text.IndexOf("://", StringComparison.Ordinal) + 3;
        var authorityEnd = text.IndexOfAny(['/', '?', '#'], afterScheme);
        if (authorityEnd < 0)
        {
            return string.Empty;
        }

        var fragment = text.IndexOf('#', authorityEnd);
        var pathAndQuery = fragment >= 0 ? text[authorityEnd..fragment] : text[authorityEnd..];
        if (!pathAndQuery.All(IsUriCharacter))
        {
            throw new SignatureException(
                SignatureCheck.MalformedHeader,
                "the target URI has characters that are escaped on the wire; give it as sent (e.g. Uri.PathAndQuery)");
        }

        return pathAndQuery;
    }

    // RFC 3986 unreserved, sub-delims, '%' of pct-encoded, and the ':', '@', '/', '?' of paths and queries.
    private static bool IsUriCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '~' or '%' or '!' or '$' or '&' or '\'' or '(' or ')' or '*' or '+' or ',' or ';' or '=' or ':' or '@' or '/' or '?';
}

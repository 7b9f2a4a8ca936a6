namespace CaseGrains.MachineApi.Signatures;

/// <summary>
/// The component identifiers this implementation covers (RFC 9421 section 2): the derived components below and
/// any HTTP field by its lower-case name. Component parameters (;sf, ;key, ;bs, ;req, ;tr) are not supported.
/// </summary>
public static class SignatureComponents
{
    public const string Method = "@method";
    public const string TargetUri = "@target-uri";
    public const string Authority = "@authority";
    public const string Scheme = "@scheme";
    public const string Path = "@path";
    public const string Query = "@query";

    public const string ContentDigest = "content-digest";
    public const string IdempotencyKey = "idempotency-key";

    /// <summary>The derived components a request signature may cover here.</summary>
    public static IReadOnlySet<string> Derived { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Method, TargetUri, Authority, Scheme, Path, Query,
    };

    /// <summary>Whether <paramref name="identifier"/> names a derived component this implementation knows, or a lower-case field name.</summary>
    public static bool IsSupported(string identifier) =>
        identifier.StartsWith('@') ? Derived.Contains(identifier) : IsFieldName(identifier);

    private static bool IsFieldName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~');
}

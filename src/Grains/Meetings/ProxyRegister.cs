using System.Security.Cryptography;
using System.Text;

namespace CaseGrains.Meetings;

/// <summary>
/// The powers of attorney of one meeting: which representative may vote for which principal, on which resolutions.
/// A principal has at most one representative in a meeting; the same representative may be given more principals
/// or resolutions by later documents.
/// </summary>
internal sealed class ProxyRegister
{
    private readonly Dictionary<string, Grant> byPrincipal = new(StringComparer.Ordinal);
    private readonly List<ProxyView> documents = [];

    public IReadOnlyList<ProxyView> Documents => documents;

    /// <summary>The representative of a principal, if any.</summary>
    public string? RepresentativeOf(string principalId) =>
        byPrincipal.TryGetValue(principalId, out var grant) ? grant.RepresentativeId : null;

    public bool Authorizes(string representativeId, string principalId, string resolutionId) =>
        byPrincipal.TryGetValue(principalId, out var grant)
        && string.Equals(grant.RepresentativeId, representativeId, StringComparison.Ordinal)
        && (grant.Resolutions is null || grant.Resolutions.Contains(resolutionId));

    public bool Represents(string representativeId) => documents.Exists(d => d.RepresentativeId == representativeId);

    public void Apply(ProxyRecorded fact)
    {
        foreach (var principal in fact.PrincipalIds)
        {
            if (byPrincipal.TryGetValue(principal, out var grant))
            {
                // Same representative (checked before recording): the scopes add up.
                if (grant.Resolutions is not null)
                {
                    if (fact.ResolutionIds is null) byPrincipal[principal] = grant with { Resolutions = null };
                    else grant.Resolutions.UnionWith(fact.ResolutionIds);
                }
            }
            else
            {
                byPrincipal[principal] = new Grant(fact.RepresentativeId,
                    fact.ResolutionIds is null ? null : new HashSet<string>(fact.ResolutionIds, StringComparer.Ordinal));
            }
        }
        documents.Add(new ProxyView(fact.RepresentativeId, fact.PrincipalIds.Count, PrincipalsHash(fact.PrincipalIds), fact.ResolutionIds,
            fact.DocumentSha256, fact.Actor, fact.At));
    }

    /// <summary>Lowercase hex SHA-256 of the principal ids sorted ordinally, each followed by a newline.</summary>
    public static string PrincipalsHash(IEnumerable<string> principalIds)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var id in principalIds.Order(StringComparer.Ordinal))
            hash.AppendData(Encoding.UTF8.GetBytes(id + "\n"));
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private sealed record Grant(string RepresentativeId, HashSet<string>? Resolutions);
}

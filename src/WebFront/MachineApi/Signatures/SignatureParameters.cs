using static CaseGrains.MachineApi.Signatures.StructuredFields;

namespace CaseGrains.MachineApi.Signatures;

/// <summary>
/// The covered components and the signature parameters (RFC 9421 section 2.3), in the order they are
/// serialized: as given when signing, as received when verifying, so that the @signature-params line the
/// verifier rebuilds is the one that was signed.
/// </summary>
public sealed record SignatureParameters
{
    public SignatureParameters(IReadOnlyList<string> components, IReadOnlyList<KeyValuePair<string, object>> parameters)
    {
        ArgumentNullException.ThrowIfNull(components);
        ArgumentNullException.ThrowIfNull(parameters);
        Components = components;
        Parameters = parameters;
    }

    /// <summary>The covered component identifiers, in signing order.</summary>
    public IReadOnlyList<string> Components { get; }

    /// <summary>The parameters, in order; values are long, string or any other structured-field bare item.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Parameters { get; }

    public long? Created => Find("created") as long?;
    public long? Expires => Find("expires") as long?;
    public string? Nonce => Find("nonce") as string;
    public string? KeyId => Find("keyid") as string;
    public string? Algorithm => Find("alg") as string;

    /// <summary>Parameters in the order created, expires, nonce, keyid, alg; absent ones are left out.</summary>
    public static SignatureParameters Create(
        IEnumerable<string> components,
        long? created = null,
        string? nonce = null,
        string? keyId = null,
        string? algorithm = null,
        long? expires = null)
    {
        ArgumentNullException.ThrowIfNull(components);
        var parameters = new List<KeyValuePair<string, object>>();
        if (created is { } c)
        {
            parameters.Add(new("created", c));
        }

        if (expires is { } e)
        {
            parameters.Add(new("expires", e));
        }

        if (nonce is not null)
        {
            parameters.Add(new("nonce", nonce));
        }

        if (keyId is not null)
        {
            parameters.Add(new("keyid", keyId));
        }

        if (algorithm is not null)
        {
            parameters.Add(new("alg", algorithm));
        }

        return new SignatureParameters([.. components], parameters);
    }

    /// <summary>The value of @signature-params and of the label's member in Signature-Input.</summary>
    public string Serialize() => SerializeInnerList(new InnerList(
        [.. Components.Select(component => new Item(component, []))],
        Parameters));

    /// <summary>Reads the parameters of one Signature-Input member.</summary>
    /// <exception cref="FormatException">A component that is not a string, or a known parameter of the wrong type.</exception>
    /// <exception cref="SignatureException">A component with component parameters.</exception>
    public static SignatureParameters FromInnerList(InnerList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var components = new List<string>(list.Items.Count);
        foreach (var item in list.Items)
        {
            if (item.Value is not string component)
            {
                throw new FormatException("A covered component identifier is not a string.");
            }

            if (item.Parameters.Count > 0)
            {
                throw new SignatureException(
                    SignatureCheck.UnknownComponent,
                    $"component \"{component}\" has parameters ({string.Join(", ", item.Parameters.Select(p => p.Key))}), which are not supported");
            }

            components.Add(component);
        }

        foreach (var (key, value) in list.Parameters)
        {
            var typeIsRight = key switch
            {
                "created" or "expires" => value is long,
                "nonce" or "keyid" or "alg" or "tag" => value is string,
                _ => true,
            };
            if (!typeIsRight)
            {
                throw new FormatException($"Signature parameter {key} has the wrong type.");
            }
        }

        return new SignatureParameters(components, list.Parameters);
    }

    private object? Find(string key)
    {
        foreach (var (k, v) in Parameters)
        {
            if (k == key)
            {
                return v;
            }
        }

        return null;
    }
}

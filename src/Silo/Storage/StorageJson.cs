using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CaseGrains.Silo.Storage;

/// <summary>How grain state and facts are written as JSON: web defaults, enums by name.</summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // jsonb (grain state, and facts stored before migration 0006) keeps object keys in its own order, so a type discriminator may come back anywhere.
        AllowOutOfOrderMetadataProperties = true,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { IgnoreWhatTheOverriddenMemberIgnores } },
    };

    /// <summary>Outbox payloads leave the platform as they are stored, so they take the API's form: camelCase, enums by camelCase name.</summary>
    public static readonly JsonSerializerOptions Outbox = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>
    /// The serializer reads <see cref="JsonIgnoreAttribute"/> from the most derived property only, so a fact's override of
    /// <c>LedgerData</c>, <c>LedgerKind</c> or <c>Outbox</c> was stored with every fact although the base declares them
    /// ignored: they are views worked out from the fact (the ledger keeps its own copy), not part of it.
    /// </summary>
    private static void IgnoreWhatTheOverriddenMemberIgnores(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].AttributeProvider is PropertyInfo property
                && property.GetCustomAttribute<JsonIgnoreAttribute>(inherit: true) is { Condition: JsonIgnoreCondition.Always })
                info.Properties.RemoveAt(i);
        }
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace CaseGrains.Silo.Storage;

/// <summary>How grain state and facts are written as JSON: web defaults, enums by name.</summary>
internal static class StorageJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // jsonb (grain state, and facts stored before migration 0006) keeps object keys in its own order, so a type discriminator may come back anywhere.
        AllowOutOfOrderMetadataProperties = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Outbox payloads leave the platform as they are stored, so they take the API's form: camelCase, enums by camelCase name.</summary>
    public static readonly JsonSerializerOptions Outbox = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}

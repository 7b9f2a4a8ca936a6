using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace CaseGrains.Ledger;

/// <summary>
/// The canonical form of a ledger entry: UTF-8 JSON, no white space, members in this fixed order:
/// <c>{"v":1,"case":…,"position":…,"time":"yyyy-MM-ddTHH:mm:ss.fffffffZ","actor":…,"kind":…,"data":{…}}</c>.
/// <c>data</c> is the fact's payload serialized by <see cref="CanonicalJson"/>. Verifiers hash the stored bytes as they
/// are and never re-encode, so the form only has to be deterministic for the writer.
/// </summary>
public static class LedgerEntryEncoding
{
    public const int Version = 1;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.Default };

    // Appending to a busy case's ledger encodes thousands of entries a second; each thread reuses one buffer and writer.
    [ThreadStatic] private static ArrayBufferWriter<byte>? threadBuffer;
    [ThreadStatic] private static Utf8JsonWriter? threadWriter;

    public static LedgerEntry Encode(string caseId, long position, DateTimeOffset time, string actor, string kind, byte[] canonicalData)
    {
        ArgumentNullException.ThrowIfNull(canonicalData);
        var utc = time.ToUniversalTime();
        var buffer = threadBuffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        var json = threadWriter ??= new Utf8JsonWriter(buffer, WriterOptions);
        json.Reset(buffer);
        Span<byte> moment = stackalloc byte[28];
        utc.UtcDateTime.TryFormat(moment, out var written, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        json.WriteStartObject();
        json.WriteNumber("v", Version);
        json.WriteString("case", caseId);
        json.WriteNumber("position", position);
        json.WriteString("time", moment[..written]);
        json.WriteString("actor", actor);
        json.WriteString("kind", kind);
        json.WritePropertyName("data");
        json.WriteRawValue(canonicalData, skipInputValidation: false);
        json.WriteEndObject();
        json.Flush();
        return new LedgerEntry(caseId, position, utc, actor, kind, buffer.WrittenSpan.ToArray());
    }

    /// <summary>Reads the fields back from canonical bytes; throws <see cref="FormatException"/> if they are not an entry.</summary>
    public static LedgerEntry Decode(byte[] encoded)
    {
        try
        {
            using var doc = JsonDocument.Parse(encoded);
            var root = doc.RootElement;
            if (root.GetProperty("v").GetInt32() != Version)
                throw new FormatException("unknown ledger entry version");
            return new LedgerEntry(
                root.GetProperty("case").GetString() ?? throw new FormatException("case missing"),
                root.GetProperty("position").GetInt64(),
                DateTimeOffset.Parse(root.GetProperty("time").GetString() ?? "", System.Globalization.CultureInfo.InvariantCulture),
                root.GetProperty("actor").GetString() ?? "",
                root.GetProperty("kind").GetString() ?? "",
                encoded);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException("not a ledger entry: " + e.Message, e);
        }
    }

    public static string Describe(LedgerEntry entry) => Encoding.UTF8.GetString(entry.Encoded);
}

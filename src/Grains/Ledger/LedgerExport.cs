using System.Text.Encodings.Web;
using System.Text.Json;

namespace CaseGrains.Ledger;

/// <summary>
/// The ledger export format, JSON Lines (one JSON object per line, UTF-8, '\n' line ends):
/// <code>
/// {"format":"casegrains-ledger-export/v1"}
/// {"entry":"&lt;base64 of LedgerEntry.Encoded&gt;","leafHash":"&lt;base64 RFC 9162 leaf hash&gt;"}   one per entry, position 0 first
/// {"checkpoint":"&lt;signed checkpoint note, newlines escaped as JSON does&gt;"}                    always the last line
/// </code>
/// The checkpoint's size equals the number of entry lines. Entries are the stored bytes, never re-encoded.
/// Verify with <see cref="LedgerAudit"/>.
/// </summary>
public static class LedgerExport
{
    public const string FormatName = "casegrains-ledger-export/v1";

    // The default encoder escapes '+' (common in base64) and all non-ASCII for HTML safety; an export is never
    // embedded in HTML, and the relaxed encoder still escapes quotes, backslashes and control characters.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static void Write(TextWriter writer, IEnumerable<LedgerEntry> entries, string signedCheckpoint)
    {
        ArgumentNullException.ThrowIfNull(entries);
        Write(writer, entries.Select(ExportedEntry.From), signedCheckpoint);
    }

    public static void Write(TextWriter writer, IEnumerable<ExportedEntry> entries, string signedCheckpoint)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(signedCheckpoint);
        WriteHeader(writer);
        foreach (var entry in entries)
            WriteEntry(writer, entry);
        WriteCheckpoint(writer, signedCheckpoint);
    }

    /// <summary>The first line. With <see cref="WriteEntry"/> and <see cref="WriteCheckpoint"/>, an export can be
    /// written in parts, e.g. streamed page by page from storage.</summary>
    public static void WriteHeader(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        WriteLine(writer, new Line(Format: FormatName));
    }

    /// <summary>One entry line; the leaf hash is the recorded one, or computed from the bytes when none is given.</summary>
    public static void WriteEntry(TextWriter writer, ExportedEntry entry)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(entry);
        var leafHash = entry.LeafHash ?? MerkleHash.Leaf(entry.Encoded);
        WriteLine(writer, new Line(Entry: Convert.ToBase64String(entry.Encoded), LeafHash: Convert.ToBase64String(leafHash)));
    }

    /// <summary>The last line.</summary>
    public static void WriteCheckpoint(TextWriter writer, string signedCheckpoint)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(signedCheckpoint);
        WriteLine(writer, new Line(Checkpoint: signedCheckpoint));
    }

    /// <summary>Reads a whole export into memory; for large exports use <see cref="ReadCheckpoint"/> and <see cref="ReadEntries"/>.</summary>
    public static (IReadOnlyList<ExportedEntry> Entries, string SignedCheckpoint) Read(TextReader reader)
    {
        var entries = new List<ExportedEntry>();
        string? checkpoint = null;
        foreach (var (entry, line) in ReadLines(reader))
        {
            if (entry is not null)
                entries.Add(entry);
            else
                checkpoint = line;
        }
        return (entries, checkpoint ?? throw new FormatException("the export has no checkpoint line"));
    }

    /// <summary>
    /// The signed checkpoint from the export's last line. Only that line is parsed, so a damaged entry line is left
    /// for <see cref="ReadEntries"/> to report at its position.
    /// </summary>
    public static string ReadCheckpoint(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        string? last = null;
        long lineNumber = 0;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            lineNumber++;
            last = text;
        }
        if (last is null)
            throw new FormatException("the export is empty");
        var line = ParseLine(last, lineNumber, Math.Max(0, lineNumber - 2));
        return line.Checkpoint ?? throw new FormatException("the export's last line is not its checkpoint line");
    }

    /// <summary>
    /// Streams the entry lines. A malformed line throws <see cref="LedgerExportFormatException"/> naming the entry
    /// index, which <see cref="LedgerAudit"/> reports as that position's fault.
    /// </summary>
    public static IEnumerable<ExportedEntry> ReadEntries(TextReader reader)
    {
        foreach (var (entry, _) in ReadLines(reader))
        {
            if (entry is not null)
                yield return entry;
        }
    }

    private static IEnumerable<(ExportedEntry? Entry, string? Checkpoint)> ReadLines(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        long lineNumber = 0;
        long index = 0;
        string? checkpoint = null;
        string? text;
        while ((text = reader.ReadLine()) is not null)
        {
            lineNumber++;
            if (checkpoint is not null)
                throw new LedgerExportFormatException("nothing may follow the checkpoint line", lineNumber, index);
            var line = ParseLine(text, lineNumber, index);
            if (lineNumber == 1)
            {
                if (line.Format != FormatName)
                    throw new LedgerExportFormatException($"an export starts with {{\"format\":\"{FormatName}\"}}", lineNumber, index);
                continue;
            }
            if (line.Checkpoint is not null)
            {
                checkpoint = line.Checkpoint;
                yield return (null, checkpoint);
                continue;
            }
            if (line.Entry is null)
                throw new LedgerExportFormatException("neither an entry nor a checkpoint line", lineNumber, index);
            yield return (DecodeEntry(line, lineNumber, index), null);
            index++;
        }
        if (lineNumber == 0)
            throw new LedgerExportFormatException("the export is empty", 1, 0);
    }

    private static ExportedEntry DecodeEntry(Line line, long lineNumber, long index)
    {
        try
        {
            var encoded = StrictBase64.Decode(line.Entry!, "entry");
            byte[]? leafHash = null;
            if (line.LeafHash is not null)
                leafHash = ProofHashes.ParseHash(line.LeafHash, "leaf hash");
            return new ExportedEntry(encoded, leafHash);
        }
        catch (FormatException e)
        {
            throw new LedgerExportFormatException(e.Message, lineNumber, index, e);
        }
    }

    private static Line ParseLine(string text, long lineNumber, long index)
    {
        try
        {
            return JsonSerializer.Deserialize<Line>(text, Json) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new LedgerExportFormatException("not a JSON object line: " + e.Message, lineNumber, index, e);
        }
    }

    private static void WriteLine(TextWriter writer, Line line)
    {
        writer.Write(JsonSerializer.Serialize(line, Json));
        writer.Write('\n');
    }

    private sealed record Line(string? Format = null, string? Entry = null, string? LeafHash = null, string? Checkpoint = null);
}

using CaseGrains.Runtime;

namespace CaseGrains.WebFront.Claims;

/// <summary>
/// What an evidence file may be: at most 10 MiB, of a document or image type on the allow-list, and starting with the
/// bytes that type starts with (so a renamed executable is not filed as a PDF).
/// </summary>
public static class EvidenceFiles
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFileNameLength = 255;

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] TiffLittle = [0x49, 0x49, 0x2A, 0x00];
    private static readonly byte[] TiffBig = [0x4D, 0x4D, 0x00, 0x2A];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The media types accepted, each with the leading bytes its files start with (any one of them).</summary>
    public static IReadOnlyDictionary<string, byte[][]> Allowed { get; } = new Dictionary<string, byte[][]>(StringComparer.Ordinal)
    {
        ["application/pdf"] = [Pdf],
        ["image/jpeg"] = [Jpeg],
        ["image/png"] = [Png],
        ["image/tiff"] = [TiffLittle, TiffBig],
        // OFD (GB/T 33190), the format of Chinese electronic invoices and court documents, is a ZIP package.
        ["application/ofd"] = [Zip],
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = [Zip],
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = [Zip],
    };

    /// <summary>The media type of a Content-Type value, lower case without parameters, if it is on the allow-list.</summary>
    public static string MediaType(string? contentType)
    {
        var type = (contentType ?? "").Split(';', 2)[0].Trim().ToLowerInvariant();
        if (type.Length == 0)
            throw RuleViolationException.Invalid("contentType", "Send the file's media type as Content-Type.");
        if (!Allowed.ContainsKey(type))
            throw RuleViolationException.Invalid("contentType", $"'{type}' is not accepted; evidence is one of: {string.Join(", ", Allowed.Keys)}.");
        return type;
    }

    /// <summary>Refuses an empty file, or one whose first bytes are not those of its media type.</summary>
    public static void CheckContent(string mediaType, ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty) throw RuleViolationException.Invalid("content", "The file is empty.");
        foreach (var magic in Allowed[mediaType])
            if (content.StartsWith(magic)) return;
        throw RuleViolationException.Invalid("content", $"The file does not start the way a {mediaType} file does.");
    }

    /// <summary>The file's own name without any folder, at most 255 characters and free of control characters.</summary>
    public static string FileName(string? name)
    {
        var bare = (name ?? "").Replace('\\', '/');
        bare = bare[(bare.LastIndexOf('/') + 1)..].Trim();
        if (bare.Length == 0 || bare is "." or "..")
            throw RuleViolationException.Invalid("fileName", "Name the file (fileName=...).");
        if (bare.Length > MaxFileNameLength)
            throw RuleViolationException.Invalid("fileName", $"The file name is longer than {MaxFileNameLength} characters.");
        if (bare.Any(char.IsControl))
            throw RuleViolationException.Invalid("fileName", "The file name holds control characters.");
        return bare;
    }
}

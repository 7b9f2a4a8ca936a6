using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace CaseGrains.WebFront.Api;

/// <summary>Reads a request body whole, but never more of it than a limit: for bodies that are buffered before they are used.</summary>
public static class BoundedBody
{
    private const int ChunkBytes = 64 * 1024;

    /// <summary>
    /// The whole body, or null when it is longer than <paramref name="limit"/>: told by Content-Length before anything
    /// is read, or (a chunked body) found as soon as more than the limit has arrived. The caller answers 413.
    /// </summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        // The server's own limit (Kestrel's, 1 MiB) would cut a larger allowed body short: this endpoint's limit rules.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size && size.MaxRequestBodySize < limit)
            size.MaxRequestBodySize = limit;
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}

using System.Text;

namespace CaseGrains.Api.Tests;

/// <summary>Reads one HTTP/1.1 response off a socket, for requests HttpClient will not make (a body announced and held back).</summary>
internal static class RawHttp
{
    public static async Task<(int Status, string Headers, string Body)> ReadResponseAsync(Stream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOf(received, "\r\n\r\n"u8)) < 0) await ReadMoreAsync(stream, buffer, received);
        var headers = Encoding.ASCII.GetString(received.GetRange(0, headerEnd).ToArray());
        var status = int.Parse(headers.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        var rest = received.Skip(headerEnd + 4).ToList();

        var lengthLine = headers.Split("\r\n").FirstOrDefault(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        if (lengthLine is not null)
        {
            var length = int.Parse(lengthLine["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
            while (rest.Count < length) await ReadMoreAsync(stream, buffer, rest);
            return (status, headers, Encoding.UTF8.GetString(rest.GetRange(0, length).ToArray()));
        }

        // Chunked: size line, data, CRLF, until the zero-size chunk.
        var body = new List<byte>();
        while (true)
        {
            int lineEnd;
            while ((lineEnd = IndexOf(rest, "\r\n"u8)) < 0) await ReadMoreAsync(stream, buffer, rest);
            var size = Convert.ToInt32(Encoding.ASCII.GetString(rest.GetRange(0, lineEnd).ToArray()).Split(';')[0], 16);
            if (size == 0) return (status, headers, Encoding.UTF8.GetString(body.ToArray()));
            while (rest.Count < lineEnd + 2 + size + 2) await ReadMoreAsync(stream, buffer, rest);
            body.AddRange(rest.GetRange(lineEnd + 2, size));
            rest.RemoveRange(0, lineEnd + 2 + size + 2);
        }
    }

    private static async Task ReadMoreAsync(Stream stream, byte[] buffer, List<byte> into)
    {
        var read = await stream.ReadAsync(buffer);
        if (read == 0) throw new EndOfStreamException("The server closed the connection before the whole response arrived.");
        into.AddRange(buffer.AsSpan(0, read).ToArray());
    }

    private static int IndexOf(List<byte> bytes, ReadOnlySpan<byte> pattern)
    {
        for (var i = 0; i + pattern.Length <= bytes.Count; i++)
        {
            var match = true;
            for (var j = 0; j < pattern.Length && match; j++) match = bytes[i + j] == pattern[j];
            if (match) return i;
        }
        return -1;
    }
}

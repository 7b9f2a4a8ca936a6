using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace CaseGrains.Testing;

/// <summary>
/// A small client of the SignalR JSON hub protocol over a WebSocket (the .NET SignalR client package cannot be
/// restored here). Messages are JSON records ended by 0x1E; see the protocol's spec (HubProtocol.md). Supports
/// invocations with results and server-sent messages; no streaming, no reconnect.
/// </summary>
public sealed class HubClient(Uri hubUrl, string? accessToken = null) : IAsyncDisposable
{
    private const char RecordSeparator = '\u001e';
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonNode?>> pending = new();
    private readonly ConcurrentDictionary<string, Channel<JsonNode?>> received = new();
    private readonly ConcurrentDictionary<string, Action<JsonNode?>> handlers = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly CancellationTokenSource closing = new();
    private Task? receiveLoop;
    private Task? pingLoop;
    private long nextId;
    private long bytesSent;
    private long bytesReceived;

    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsConnected => socket.State == WebSocketState.Open;

    /// <summary>Bytes of SignalR records sent and received so far (handshake included, WebSocket framing not).</summary>
    public long BytesSent => Interlocked.Read(ref bytesSent);

    public long BytesReceived => Interlocked.Read(ref bytesReceived);

    /// <summary>Completes when the connection ends, whoever ended it.</summary>
    public Task Closed => closed.Task;

    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        var ws = new UriBuilder(hubUrl) { Scheme = hubUrl.Scheme == "https" ? "wss" : "ws" }.Uri;
        if (accessToken is not null) socket.Options.SetRequestHeader("Authorization", $"Bearer {accessToken}");
        await socket.ConnectAsync(ws, cancellationToken);
        await SendRawAsync("{\"protocol\":\"json\",\"version\":1}", cancellationToken);
        var handshake = await ReadRecordsAsync(cancellationToken);
        if (handshake.Count == 0 || handshake[0].Contains("error", StringComparison.Ordinal))
            throw new InvalidOperationException("SignalR handshake failed: " + string.Join("", handshake));
        receiveLoop = ReceiveLoopAsync();
        pingLoop = PingLoopAsync();
    }

    /// <summary>Invokes a hub method and returns its result, or throws <see cref="HubException"/> with the server's error.</summary>
    public async Task<T?> InvokeAsync<T>(string target, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var done = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = done;
        var message = new JsonObject
        {
            ["type"] = 1,
            ["invocationId"] = id,
            ["target"] = target,
            ["arguments"] = JsonSerializer.SerializeToNode(arguments, Json),
        };
        await SendRawAsync(message.ToJsonString(), closing.Token);
        var result = await done.Task;
        return result is null ? default : result.Deserialize<T>(Json);
    }

    public Task InvokeAsync(string target, params object?[] arguments) => InvokeAsync<JsonNode>(target, arguments);

    /// <summary>The messages the server sends to this client for <paramref name="target"/>, in order (first argument of each).</summary>
    public ChannelReader<JsonNode?> On(string target) => Channel(target).Reader;

    /// <summary>
    /// Hands every message for <paramref name="target"/> to <paramref name="handler"/> on the receive loop instead of
    /// queueing it for <see cref="On"/>: for long runs whose messages nobody reads one by one (the load generator).
    /// The handler must be quick and must not throw.
    /// </summary>
    public void Subscribe(string target, Action<JsonNode?> handler) => handlers[target] = handler;

    /// <summary>Waits until a message for <paramref name="target"/> satisfies <paramref name="condition"/>; returns it.</summary>
    public async Task<T> WaitForAsync<T>(string target, Func<T, bool> condition, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        var reader = On(target);
        try
        {
            while (true)
            {
                var node = await reader.ReadAsync(limit.Token);
                var value = node.Deserialize<T>(Json)!;
                if (condition(value)) return value;
            }
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            throw new TimeoutException($"No '{target}' message met the condition within {timeout.TotalSeconds} s.");
        }
    }

    private Channel<JsonNode?> Channel(string target) =>
        received.GetOrAdd(target, _ => System.Threading.Channels.Channel.CreateUnbounded<JsonNode?>());

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (!closing.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                foreach (var record in await ReadRecordsAsync(closing.Token))
                {
                    var node = JsonNode.Parse(record);
                    switch ((int?)node?["type"])
                    {
                        case 1:
                            var arguments = node!["arguments"]?.AsArray();
                            var target = (string)node["target"]!;
                            var first = arguments is { Count: > 0 } ? arguments[0]?.DeepClone() : null;
                            if (handlers.TryGetValue(target, out var handler)) handler(first);
                            else await Channel(target).Writer.WriteAsync(first);
                            break;
                        case 3:
                            if (pending.TryRemove((string)node!["invocationId"]!, out var done))
                            {
                                if (node["error"] is { } error) done.TrySetException(new HubException((string?)error ?? "error"));
                                else done.TrySetResult(node["result"]?.DeepClone());
                            }
                            break;
                        case 7:
                            Fail(new HubException("The server closed the connection: " + (string?)node!["error"]));
                            return;
                    }
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or InvalidOperationException)
        {
            Fail(e);
        }
        Fail(new HubException("The connection closed."));
    }

    private void Fail(Exception e)
    {
        closed.TrySetResult();
        foreach (var (id, done) in pending)
            if (pending.TryRemove(id, out _)) done.TrySetException(e);
        foreach (var channel in received.Values) channel.Writer.TryComplete();
    }

    private async Task PingLoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(closing.Token))
                await SendRawAsync("{\"type\":6}", closing.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private readonly StringBuilder partial = new();

    private async Task<List<string>> ReadRecordsAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var records = new List<string>();
            while (records.Count == 0)
            {
                var result = await socket.ReceiveAsync(buffer, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close) throw new WebSocketException("closed by the server");
                Interlocked.Add(ref bytesReceived, result.Count);
                partial.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
                if (!result.EndOfMessage) continue;
                var text = partial.ToString();
                var end = text.LastIndexOf(RecordSeparator);
                if (end < 0) continue;
                records.AddRange(text[..end].Split(RecordSeparator));
                partial.Clear().Append(text[(end + 1)..]);
            }
            return records;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task SendRawAsync(string json, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(json + RecordSeparator);
        Interlocked.Add(ref bytesSent, bytes.Length);
        await sendLock.WaitAsync(cancellationToken);
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            sendLock.Release();
        }
    }

    /// <summary>Drops the connection without a close handshake (as a lost network would).</summary>
    public void Abort() => socket.Abort();

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            }
            catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException)
            {
            }
        }
        socket.Dispose();
        if (receiveLoop is not null) await receiveLoop.ContinueWith(_ => { }, TaskScheduler.Default);
        if (pingLoop is not null) await pingLoop.ContinueWith(_ => { }, TaskScheduler.Default);
        closing.Dispose();
    }
}

public sealed class HubException(string message) : Exception(message);

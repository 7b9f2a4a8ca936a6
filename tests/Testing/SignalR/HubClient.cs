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
/// <remarks>
/// The load generator runs thousands of these in the process of the server it measures, so a message costs little:
/// records are read from one buffer per connection and picked apart with <see cref="Utf8JsonReader"/>; only a result
/// or a message's first argument is copied out, and invocations are written straight to bytes.
/// </remarks>
public sealed class HubClient(Uri hubUrl, string? accessToken = null) : IAsyncDisposable
{
    private const byte RecordSeparator = 0x1E;
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"type\":6}\u001e");
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly ClientWebSocket socket = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<byte[]?>> pending = new();
    private readonly ConcurrentDictionary<string, Channel<JsonNode?>> received = new();
    private readonly ConcurrentDictionary<string, Action<JsonNode?>> handlers = new();
    private readonly SemaphoreSlim sendLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> outbox = new(256);
    private readonly CancellationTokenSource closing = new();
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Utf8JsonWriter? writer;
    private byte[] inbox = new byte[4096];
    private int inboxLength;
    private Task? receiveLoop;
    private Task? pingLoop;
    private long nextId;
    private long bytesSent;
    private long bytesReceived;

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
        await SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), cancellationToken);
        int end;
        while ((end = Array.IndexOf(inbox, RecordSeparator, 0, inboxLength)) < 0)
            await ReceiveFrameAsync(cancellationToken);
        var handshake = Encoding.UTF8.GetString(inbox, 0, end);
        if (handshake.Contains("\"error\"", StringComparison.Ordinal))
            throw new InvalidOperationException("SignalR handshake failed: " + handshake);
        Consume(end + 1);
        receiveLoop = ReceiveLoopAsync();
        pingLoop = PingLoopAsync();
    }

    /// <summary>Invokes a hub method and returns its result, or throws <see cref="HubException"/> with the server's error.</summary>
    public async Task<T?> InvokeAsync<T>(string target, params object?[] arguments)
    {
        var result = await InvokeRawAsync(target, arguments);
        return result is null ? default : JsonSerializer.Deserialize<T>(result, Json);
    }

    public Task InvokeAsync(string target, params object?[] arguments) => InvokeRawAsync(target, arguments);

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

    /// <summary>Sends an invocation and waits for its completion; the result's raw JSON, or null for none.</summary>
    private async Task<byte[]?> InvokeRawAsync(string target, object?[] arguments)
    {
        var id = Interlocked.Increment(ref nextId);
        var done = new TaskCompletionSource<byte[]?>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = done;
        var locked = false;
        try
        {
            await sendLock.WaitAsync(closing.Token);
            locked = true;
            outbox.ResetWrittenCount();
            if (writer is null) writer = new Utf8JsonWriter(outbox);
            else writer.Reset(outbox);
            writer.WriteStartObject();
            writer.WriteNumber("type", 1);
            writer.WriteString("invocationId", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("target", target);
            writer.WriteStartArray("arguments");
            foreach (var argument in arguments)
            {
                if (argument is null) writer.WriteNullValue();
                else JsonSerializer.Serialize(writer, argument, argument.GetType(), Json);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.Flush();
            outbox.Write([RecordSeparator]);
            Interlocked.Add(ref bytesSent, outbox.WrittenCount);
            await socket.SendAsync(outbox.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, closing.Token);
        }
        catch
        {
            pending.TryRemove(id, out _);
            throw;
        }
        finally
        {
            if (locked) sendLock.Release();
        }
        return await done.Task;
    }

    private Channel<JsonNode?> Channel(string target) =>
        received.GetOrAdd(target, _ => System.Threading.Channels.Channel.CreateUnbounded<JsonNode?>());

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (!closing.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                int end;
                while ((end = Array.IndexOf(inbox, RecordSeparator, 0, inboxLength)) >= 0)
                {
                    var message = Dispatch(inbox.AsSpan(0, end));
                    Consume(end + 1);
                    if (message.Queue is { } queue) await queue.Writer.WriteAsync(message.Argument);
                    if (message.ClosedBecause is { } error)
                    {
                        Fail(new HubException("The server closed the connection: " + error));
                        await AnswerCloseAsync();
                        return;
                    }
                }
                await ReceiveFrameAsync(closing.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or InvalidOperationException or JsonException)
        {
            Fail(e);
        }
        Fail(new HubException("The connection closed."));
    }

    /// <summary>Reads one WebSocket frame onto the end of the inbox.</summary>
    private async Task ReceiveFrameAsync(CancellationToken cancellationToken)
    {
        if (inbox.Length - inboxLength < 1024) Array.Resize(ref inbox, inbox.Length * 2);
        var result = await socket.ReceiveAsync(inbox.AsMemory(inboxLength), cancellationToken);
        if (result.MessageType == WebSocketMessageType.Close)
        {
            await AnswerCloseAsync();
            throw new WebSocketException("closed by the server");
        }
        inboxLength += result.Count;
        Interlocked.Add(ref bytesReceived, result.Count);
    }

    private void Consume(int count)
    {
        Buffer.BlockCopy(inbox, count, inbox, 0, inboxLength - count);
        inboxLength -= count;
    }

    /// <summary>Acts on one record; what must be awaited (a queued message) or ends the connection is handed back.</summary>
    private Dispatched Dispatch(ReadOnlySpan<byte> record)
    {
        var reader = new Utf8JsonReader(record);
        int type = 0;
        long invocationId = 0;
        string? target = null, error = null;
        Range? result = null, firstArgument = null;
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("type"u8)) type = reader.GetInt32();
            else if (name.SequenceEqual("invocationId"u8)) invocationId = long.Parse(reader.ValueSpan, provider: System.Globalization.CultureInfo.InvariantCulture);
            else if (name.SequenceEqual("target"u8)) target = reader.GetString();
            else if (name.SequenceEqual("error"u8)) error = reader.GetString();
            else if (name.SequenceEqual("result"u8)) result = ValueRange(ref reader);
            else if (name.SequenceEqual("arguments"u8) && reader.TokenType == JsonTokenType.StartArray)
            {
                if (reader.Read() && reader.TokenType != JsonTokenType.EndArray) firstArgument = ValueRange(ref reader);
                while (reader.TokenType != JsonTokenType.EndArray || reader.CurrentDepth != 1)
                {
                    reader.Skip();
                    reader.Read();
                }
            }
            else reader.Skip();
        }

        switch (type)
        {
            case 1 when target is not null:
                var argument = firstArgument is { } a ? JsonNode.Parse(record[a]) : null;
                if (handlers.TryGetValue(target, out var handler))
                {
                    handler(argument);
                    return default;
                }
                return new Dispatched(Channel(target), argument, null);
            case 3:
                if (pending.TryRemove(invocationId, out var done))
                {
                    if (error is not null) done.TrySetException(new HubException(error));
                    else done.TrySetResult(result is { } r && !record[r].SequenceEqual("null"u8) ? record[r].ToArray() : null);
                }
                return default;
            case 7:
                return new Dispatched(null, null, error ?? "no reason given");
            default:
                return default;
        }
    }

    /// <summary>The bytes of the value the reader stands on, skipping over it.</summary>
    private static Range ValueRange(ref Utf8JsonReader reader)
    {
        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        return start..(int)reader.BytesConsumed;
    }

    private readonly record struct Dispatched(Channel<JsonNode?>? Queue, JsonNode? Argument, string? ClosedBecause);

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
                await SendAsync(Ping, closing.Token);
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private async Task SendAsync(byte[] bytes, CancellationToken cancellationToken)
    {
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

    /// <summary>
    /// Closes this side as a SignalR client does when the server closes: the server's WebSocket request ends then, not
    /// after its close timeout.
    /// </summary>
    private async Task AnswerCloseAsync()
    {
        await sendLock.WaitAsync();
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "closed by the server", CancellationToken.None);
        }
        catch (WebSocketException)
        {
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
        writer?.Dispose();
        closing.Dispose();
    }
}

public sealed class HubException(string message) : Exception(message);

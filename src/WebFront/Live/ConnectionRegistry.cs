using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace CaseGrains.WebFront.Live;

/// <summary>Open hub connections per user: to hold each user to a limit, and to cut them all when the account is disabled.</summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> byUser = new(StringComparer.Ordinal);

    /// <summary>Per open connection, completed once its WebSocket request has ended: all it was sent is out, the close included.</summary>
    private readonly ConcurrentDictionary<string, TaskCompletionSource> ended = new(StringComparer.Ordinal);

    /// <summary>Adds the connection unless the user already holds <paramref name="limit"/>; returns whether it was added.</summary>
    public bool TryAdd(string user, HubCallerContext connection, int limit)
    {
        var connections = byUser.GetOrAdd(user, _ => new ConcurrentDictionary<string, HubCallerContext>(StringComparer.Ordinal));
        lock (connections)
        {
            if (connections.Count >= limit) return false;
            connections[connection.ConnectionId] = connection;
        }
        // The request completes after the transport has sent everything written to the connection, and the close.
        if (connection.GetHttpContext() is { } http)
        {
            var id = connection.ConnectionId;
            ended[id] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            http.Response.OnCompleted(() =>
            {
                if (ended.TryRemove(id, out var end)) end.TrySetResult();
                return Task.CompletedTask;
            });
        }
        return true;
    }

    public void Remove(string user, string connectionId)
    {
        if (!byUser.TryGetValue(user, out var connections)) return;
        lock (connections) connections.TryRemove(connectionId, out _);
    }

    public int CountOf(string user) => byUser.TryGetValue(user, out var connections) ? connections.Count : 0;

    /// <summary>Closes every connection (the server is stopping: live connections would hold its shutdown open).</summary>
    public void AbortEveryone()
    {
        foreach (var user in byUser.Keys) AbortAll(user);
    }

    /// <summary>
    /// Closes every connection and completes when each has ended, what it was sent delivered: SignalR's own close on
    /// ApplicationStopping drops what is still in a connection's pipe.
    /// </summary>
    public Task CloseEveryoneAsync()
    {
        var ending = ended.Values.Select(end => end.Task).ToArray();
        AbortEveryone();
        return Task.WhenAll(ending);
    }

    /// <summary>Closes every connection of the user; returns how many there were.</summary>
    public int AbortAll(string user)
    {
        if (!byUser.TryRemove(user, out var connections)) return 0;
        foreach (var connection in connections.Values) connection.Abort();
        return connections.Count;
    }
}

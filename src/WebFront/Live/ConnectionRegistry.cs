using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace CaseGrains.WebFront.Live;

/// <summary>Open hub connections per user: to hold each user to a limit, and to cut them all when the account is disabled.</summary>
public sealed class ConnectionRegistry
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, HubCallerContext>> byUser = new(StringComparer.Ordinal);

    /// <summary>Adds the connection unless the user already holds <paramref name="limit"/>; returns whether it was added.</summary>
    public bool TryAdd(string user, HubCallerContext connection, int limit)
    {
        var connections = byUser.GetOrAdd(user, _ => new ConcurrentDictionary<string, HubCallerContext>(StringComparer.Ordinal));
        lock (connections)
        {
            if (connections.Count >= limit) return false;
            connections[connection.ConnectionId] = connection;
            return true;
        }
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

    /// <summary>Closes every connection of the user; returns how many there were.</summary>
    public int AbortAll(string user)
    {
        if (!byUser.TryRemove(user, out var connections)) return 0;
        foreach (var connection in connections.Values) connection.Abort();
        return connections.Count;
    }
}

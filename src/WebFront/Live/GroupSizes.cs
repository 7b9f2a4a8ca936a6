using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace CaseGrains.WebFront.Live;

/// <summary>
/// How many connections are in each SignalR group on this node (SignalR does not say), so that the broadcaster can
/// space out sends to a large group. Every join goes through here; a connection's joins are undone when it ends.
/// </summary>
public sealed class GroupSizes
{
    private static readonly object ItemKey = typeof(GroupSizes);
    private readonly ConcurrentDictionary<string, int> sizes = new(StringComparer.Ordinal);

    public int Of(string group) => sizes.GetValueOrDefault(group);

    /// <summary>Adds the connection to the group once, however often it asks.</summary>
    public async Task JoinAsync(HubCallerContext context, IGroupManager groups, string group)
    {
        var joined = Joined(context);
        lock (joined)
        {
            if (!joined.Add(group)) return;
        }
        sizes.AddOrUpdate(group, 1, (_, n) => n + 1);
        await groups.AddToGroupAsync(context.ConnectionId, group);
    }

    /// <summary>The connection ended: SignalR drops it from its groups, and this from the counts.</summary>
    public void Leave(HubCallerContext context)
    {
        var joined = Joined(context);
        lock (joined)
        {
            foreach (var group in joined)
                if (sizes.AddOrUpdate(group, 0, (_, n) => n - 1) <= 0) sizes.TryRemove(new KeyValuePair<string, int>(group, 0));
            joined.Clear();
        }
    }

    private static HashSet<string> Joined(HubCallerContext context)
    {
        lock (context.Items)
        {
            if (context.Items.TryGetValue(ItemKey, out var found) && found is HashSet<string> joined) return joined;
            joined = new HashSet<string>(StringComparer.Ordinal);
            context.Items[ItemKey] = joined;
            return joined;
        }
    }
}

using System.Collections.Concurrent;
using System.Security.Claims;
using CaseGrains.Accounts;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.SignalR;

namespace CaseGrains.WebFront.Live;

/// <summary>
/// The part a connection's person plays in the case of each meeting it acted in, remembered for a short while so that
/// a stream of ballots on one connection does not ask the meeting, case and account grains again for every ballot.
/// </summary>
/// <remarks>
/// The signed-in person's account role and creditor id are read from the claims once, when the connection first acts:
/// a connection's claims never change. Disabling an account or signing out closes its connections, which drops this
/// with them. The lifetime bounds every other change, such as a case getting another administrator. Only granted roles
/// are kept: a refusal is looked up afresh every time.
/// </remarks>
internal sealed class ConnectionRoles
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private static readonly object ItemKey = typeof(ConnectionRoles);
    private readonly ConcurrentDictionary<string, Entry> meetings = new(StringComparer.Ordinal);

    private ConnectionRoles(ClaimsPrincipal user)
    {
        Role = user.Role();
        CreditorId = user.CreditorId();
    }

    public AccountRole? Role { get; }

    public string? CreditorId { get; }

    public static ConnectionRoles Of(HubCallerContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var found) && found is ConnectionRoles roles) return roles;
        roles = new ConnectionRoles(context.User!);
        context.Items[ItemKey] = roles;
        return roles;
    }

    public bool TryGet(string meetingId, out CaseRoles roles)
    {
        if (meetings.TryGetValue(meetingId, out var entry) && Environment.TickCount64 < entry.ExpiresAt)
        {
            roles = entry.Roles;
            return true;
        }
        roles = CaseRoles.None;
        return false;
    }

    public void Remember(string meetingId, CaseRoles roles) =>
        meetings[meetingId] = new Entry(roles, Environment.TickCount64 + (long)Lifetime.TotalMilliseconds);

    private sealed record Entry(CaseRoles Roles, long ExpiresAt);
}

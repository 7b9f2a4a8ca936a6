using CaseGrains.Cases;
using CaseGrains.Live;
using CaseGrains.WebFront.Api;
using Microsoft.AspNetCore.SignalR;

namespace CaseGrains.WebFront.Live;

/// <summary>
/// The real-time channel. Clients watch a case or a meeting (a SignalR group each) and receive the current state on
/// joining, then every change.
/// </summary>
public sealed class LiveHub(IGrainFactory grains) : Hub
{
    public async Task<CaseView> WatchCase(string caseId)
    {
        Ids.Check(caseId, "caseId");
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveUpdate.CaseGroup(caseId));
        return await grains.Get<ICaseGrain>(caseId).Get();
    }
}

using CaseGrains.Claims;
using CaseGrains.Meetings;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>
/// Two cases in two courts, each with its judge, administrator, a creditor with a confirmed claim and an open meeting:
/// the ground on which "who may do what" is tested.
/// </summary>
public sealed class TwoCases
{
    public required CaseScenario A { get; init; }
    public required CaseScenario B { get; init; }
    public required Person PlatformAdmin { get; init; }
    public required string ClaimOfA { get; init; }

    public static async Task<TwoCases> CreateAsync(ServerHost server)
    {
        var a = new CaseScenario(server, "case-a");
        await a.OpenAsync();
        var b = new CaseScenario(server, "case-b", court: "广州市中级人民法院");
        await b.OpenAsync();
        var claims = await a.CreditorsDeclareAndAreConfirmedAsync(2);
        await b.CreditorsDeclareAndAreConfirmedAsync(1);
        foreach (var scenario in new[] { a, b })
        {
            await scenario.ScheduleMeetingAsync();
            await scenario.OpenVotingAsync();
        }
        return new TwoCases { A = a, B = b, PlatformAdmin = await server.People.PlatformAdminAsync(), ClaimOfA = claims[0].ClaimId };
    }
}

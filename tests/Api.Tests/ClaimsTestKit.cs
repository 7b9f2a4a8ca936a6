namespace CaseGrains.Api.Tests;

/// <summary>What the claim and machine API tests share now that every call is made by a signed-in person.</summary>
public static class ClaimsTestKit
{
    /// <summary>A court other than <see cref="CaseScenario.DefaultCourt"/>: its judges have no part in the default court's cases.</summary>
    public const string OtherCourt = "广州市中级人民法院";
}

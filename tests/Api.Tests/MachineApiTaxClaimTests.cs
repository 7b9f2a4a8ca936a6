using System.Net;
using System.Text.Json;
using CaseGrains.Claims;
using CaseGrains.DepartmentClient;
using CaseGrains.Testing;

namespace CaseGrains.Api.Tests;

/// <summary>A tax bureau's declaration through the machine API, split into a priority and a linked ordinary claim (STA announcement 2019 No. 48).</summary>
[Collection(PostgresCollection.Name)]
public sealed class MachineApiTaxClaimTests(PostgresServer postgres) : IAsyncLifetime
{
    private ServerHost server = null!;
    private CaseScenario scenario = null!;
    private MachineScenario tax = null!;

    public async Task InitializeAsync()
    {
        server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        scenario = new CaseScenario(server, "tax-case");
        await scenario.OpenAsync();
        tax = await new MachineScenario(server).RegisterAsync();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private async Task<(HttpStatusCode Status, string Body)> Declare(TaxDeclaration declaration)
    {
        using var response = await tax.Client().DeclareTaxClaimAsync(scenario.CaseId, declaration, DepartmentApiClient.NewIdempotencyKey());
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Tax_and_surcharges_rank_in_priority_fees_and_interest_before_acceptance_are_ordinary_and_fines_are_on_neither()
    {
        var acceptance = MachineScenario.Acceptance;
        var (status, body) = await Declare(new TaxDeclaration(
        [
            new TaxLine("taxPrincipal", "增值税", "2025-11", 800_000_00),
            new TaxLine("surcharge", "教育费附加", "2025-11", 24_000_00),
            new TaxLine("lateFee", "增值税", "2025-11", 36_000_00, acceptance),
            new TaxLine("specialAdjustmentInterest", "企业所得税", "2024", 5_000_00, acceptance.AddDays(-10)),
            new TaxLine("fine", "增值税", "2025-11", 10_000_00),
        ], "粤税破申〔2026〕7号"));

        Assert.Equal(HttpStatusCode.Created, status);
        var declared = JsonSerializer.Deserialize<TaxDeclarationView>(body, ApiJson.Options)!;
        Assert.Equal((824_000_00L, 41_000_00L, 10_000_00L), (declared.PriorityFen, declared.OrdinaryFen, declared.SubordinatedFen));
        var priority = declared.PriorityClaim!;
        var ordinary = declared.OrdinaryClaim!;
        Assert.Equal((ClaimClass.SocialInsuranceAndTax, 824_000_00L), (priority.Class, priority.DeclaredFen));
        Assert.Equal((ClaimClass.Ordinary, 5_000_00L, 36_000_00L), (ordinary.Class, ordinary.InterestFen, ordinary.OtherFen));
        Assert.Equal(ordinary.ClaimId, priority.LinkedClaimId);
        Assert.Equal(priority.ClaimId, ordinary.LinkedClaimId);
        Assert.Equal(["taxPrincipal", "surcharge"], priority.TaxLines.Select(l => JsonNamingPolicy.CamelCase.ConvertName(l.Kind.ToString())));
        Assert.Equal(2, ordinary.TaxLines.Count);
        Assert.Equal([TaxLineRank.Priority, TaxLineRank.Priority, TaxLineRank.Ordinary, TaxLineRank.Ordinary, TaxLineRank.Subordinated],
            declared.Lines.Select(l => l.Rank));
        Assert.Equal(2, (await scenario.Administrator.Http.GetOk<List<ClaimView>>($"/api/cases/{scenario.CaseId}/claims")).Count);

        var entry = await MachineScenario.ScalarAsync<string>(server,
            "select convert_from(entry, 'UTF8') from ledger_entry where case_id = $1 and kind = 'claim.taxDeclared'", scenario.CaseId);
        var data = JsonDocument.Parse(entry!).RootElement.GetProperty("data");
        Assert.Equal(priority.ClaimId, data.GetProperty("priorityClaimId").GetString());
        Assert.Equal(10_000_00, data.GetProperty("subordinatedFen").GetInt64());
        Assert.Equal(["priority", "priority", "ordinary", "ordinary", "subordinated"],
            data.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("rank").GetString()));
    }

    [Fact]
    public async Task A_late_fee_dated_after_acceptance_is_refused_with_the_line_named_and_nothing_declared()
    {
        var (status, body) = await Declare(MachineScenario.Declaration(100_000_00, 3_000_00, MachineScenario.Acceptance.AddDays(15)));

        var reason = ProblemAssert.Names(status, body, HttpStatusCode.BadRequest, "lines[1].accruedUntil");
        Assert.Contains("late-payment fees stop at the acceptance date 2026-03-01", reason, StringComparison.Ordinal);
        Assert.Empty(await scenario.Administrator.Http.GetOk<List<ClaimView>>($"/api/cases/{scenario.CaseId}/claims"));
    }

    [Fact]
    public async Task Only_fines_put_nothing_on_the_claim_list_and_a_reference_is_declared_once()
    {
        var (finesOnly, finesBody) = await Declare(new TaxDeclaration([new TaxLine("fine", "增值税", "2025-11", 1_000_00)]));
        ProblemAssert.Names(finesOnly, finesBody, HttpStatusCode.BadRequest, "lines", "Nothing in this declaration goes onto the claim list");
        Assert.Empty(await scenario.Administrator.Http.GetOk<List<ClaimView>>($"/api/cases/{scenario.CaseId}/claims"));

        var (first, _) = await Declare(MachineScenario.Declaration(100_00, reference: "REF-1"));
        var (again, againBody) = await Declare(MachineScenario.Declaration(200_00, reference: "REF-1"));

        Assert.Equal(HttpStatusCode.Created, first);
        ProblemAssert.Names(again, againBody, HttpStatusCode.Conflict, "reference");
    }

    [Fact]
    public async Task A_claim_of_another_department_or_an_unknown_case_is_not_found()
    {
        var (_, body) = await Declare(MachineScenario.Declaration(100_00));
        var claimId = JsonDocument.Parse(body).RootElement.GetProperty("priorityClaim").GetProperty("claimId").GetString()!;
        var social = await new MachineScenario(server, "sb-sz").RegisterAsync();

        using var other = await social.Client().GetClaimAsync(scenario.CaseId, claimId);
        using var unknown = await tax.Client().DeclareTaxClaimAsync("no-such-case", MachineScenario.Declaration(100_00), DepartmentApiClient.NewIdempotencyKey());

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}

using System.Net;
using System.Text.Json;
using CaseGrains.DepartmentClient;
using CaseGrains.Departments;
using CaseGrains.Ledger;
using CaseGrains.Sharing;
using CaseGrains.Testing;

namespace CaseGrains.Api.Tests;

/// <summary>Departments share data into a case (Shenzhen information-sharing standard): quality checks, comparison with the last batch, the ledger.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedDataTests(PostgresServer postgres) : IAsyncLifetime
{
    private string database = "";
    private ServerHost server = null!;
    private CaseScenario scenario = null!;
    private MachineScenario housing = null!;

    public async Task InitializeAsync()
    {
        database = await postgres.CreateDatabaseAsync();
        server = await ServerHost.StartAsync(database);
        scenario = new CaseScenario(server, "share-case");
        await scenario.OpenAsync();
        housing = await new MachineScenario(server, "housing-sz").RegisterAsync(new DepartmentRegistration("深圳市不动产登记中心", "housing"));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private static Dictionary<string, object?> Estate(string certificate, string location, bool? sealedByCourt = null) =>
        new() { ["certificateNumber"] = certificate, ["location"] = location, ["sealed"] = sealedByCourt };

    private async Task<(HttpStatusCode Status, string Body)> Share(MachineScenario department, string resource, params Dictionary<string, object?>[] records)
    {
        using var response = await department.Client().ShareDataAsync(scenario.CaseId, resource, records, "批次", DepartmentApiClient.NewIdempotencyKey());
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<DataBatchRecorded> ShareOk(string resource, params Dictionary<string, object?>[] records)
    {
        var (status, body) = await Share(housing, resource, records);
        Assert.True(status == HttpStatusCode.OK, body);
        return JsonSerializer.Deserialize<DataBatchRecorded>(body, ApiJson.Options)!;
    }

    [Fact]
    public async Task A_second_batch_is_compared_with_the_first_field_by_field_and_both_are_in_the_ledger()
    {
        var first = await ShareOk("real-estate", Estate("粤(2020)深圳市不动产权第0001号", "南山区科技园1栋"), Estate("粤(2021)深圳市不动产权第0002号", "福田区1号"));
        Assert.Equal((2, 2, scenario.CaseId), (first.Report.Received, first.Report.Accepted, first.Report.CaseId));
        Assert.Equal(2, first.Report.Differences.Added.Count);

        var second = await ShareOk("real-estate", Estate("粤(2020)深圳市不动产权第0001号", "南山区科技园1栋", sealedByCourt: true),
            Estate("粤(2022)深圳市不动产权第0003号", "宝安区3号"));
        Assert.Equal(["粤(2022)深圳市不动产权第0003号"], second.Report.Differences.Added);
        Assert.Equal(["粤(2021)深圳市不动产权第0002号"], second.Report.Differences.Removed);
        Assert.Equal([new FieldChange("粤(2020)深圳市不动产权第0001号", "sealed", null, "true")], second.Report.Differences.Changed);

        var snapshots = await scenario.Administrator.Http.GetOk<List<ResourceSnapshot>>($"/api/cases/{scenario.CaseId}/shared-data");
        var estate = Assert.Single(snapshots);
        Assert.Equal(["粤(2020)深圳市不动产权第0001号", "粤(2022)深圳市不动产权第0003号"], estate.Records.Select(r => r["certificateNumber"]));
        var batches = await scenario.Judge.Http.GetOk<List<DataBatchReport>>($"/api/cases/{scenario.CaseId}/shared-data/batches");
        Assert.Equal([second.Report.BatchId, first.Report.BatchId], batches.Select(b => b.BatchId));

        foreach (var recorded in new[] { first, second })
        {
            var page = await scenario.Judge.Http.GetOk<LedgerEntriesPage>(
                $"/api/cases/{scenario.CaseId}/ledger/entries?start={recorded.LedgerPosition}&count=1");
            var entry = Assert.Single(page.Entries);
            Assert.Equal("data.received", entry.Kind);
            var canonical = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(entry.Entry));
            Assert.Contains(recorded.Report.RecordsSha256, canonical, StringComparison.Ordinal);
            Assert.Contains(recorded.Report.BatchId, canonical, StringComparison.Ordinal);
            Assert.DoesNotContain("南山区", canonical, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bad_records_are_reported_with_field_and_reason_and_never_erase_what_was_shared_before()
    {
        await ShareOk("real-estate", Estate("A-1", "南山区1号"), Estate("A-2", "南山区2号"));

        var bad = await ShareOk("real-estate",
            new Dictionary<string, object?> { ["certificateNumber"] = "A-1", ["location"] = "" },
            new Dictionary<string, object?> { ["certificateNumber"] = "A-2", ["location"] = "南山区2号", ["floor"] = 3 },
            Estate("A-3", "南山区3号"), Estate("A-3", "南山区3号乙"),
            new Dictionary<string, object?> { ["location"] = "无证" },
            new Dictionary<string, object?> { ["certificateNumber"] = "A-4", ["location"] = "x", ["sealed"] = "yes" });

        Assert.Equal((6, 1), (bad.Report.Received, bad.Report.Accepted));
        Assert.Equal(
            [(0, "A-1", "location"), (1, "A-2", "floor"), (3, "A-3", "certificateNumber"), (4, null, "certificateNumber"), (5, "A-4", "sealed")],
            bad.Report.Rejected.Select(p => (p.Index, p.Key, p.Field)));
        Assert.All(bad.Report.Rejected, p => Assert.False(string.IsNullOrWhiteSpace(p.Reason)));
        Assert.Equal(["A-3"], bad.Report.Differences.Added);
        Assert.Empty(bad.Report.Differences.Removed);

        var snapshot = Assert.Single(await scenario.Administrator.Http.GetOk<List<ResourceSnapshot>>($"/api/cases/{scenario.CaseId}/shared-data"));
        Assert.Equal(["A-3", "A-1", "A-2"], snapshot.Records.Select(r => r["certificateNumber"]));
        Assert.Equal("南山区1号", snapshot.Records.Single(r => r["certificateNumber"] == "A-1")["location"]);
    }

    [Fact]
    public async Task A_department_shares_only_what_the_catalogue_gives_its_kind_and_an_unknown_resource_changes_nothing()
    {
        var (status, body) = await Share(housing, "tax-arrears", new Dictionary<string, object?> { ["taxItem"] = "增值税 2026-01", ["principalFen"] = 100, ["assessedOn"] = "2026-02-01" });
        ProblemAssert.Names(status, body, HttpStatusCode.Forbidden, "resource");
        (status, body) = await Share(housing, "horoscope", Estate("A-1", "x"));
        ProblemAssert.Names(status, body, HttpStatusCode.NotFound, "resource");
        Assert.Empty(await scenario.Judge.Http.GetOk<List<DataBatchReport>>($"/api/cases/{scenario.CaseId}/shared-data/batches"));

        using var unknownCase = await housing.Client().ShareDataAsync("no-such-case", "real-estate", [Estate("A-1", "x")], null, DepartmentApiClient.NewIdempotencyKey());
        ProblemAssert.Names(unknownCase.StatusCode, await unknownCase.Content.ReadAsStringAsync(), HttpStatusCode.NotFound, "caseId");
    }

    [Fact]
    public async Task Creditors_see_only_resources_the_catalogue_opens_to_participants()
    {
        var market = await new MachineScenario(server, "amr-sz").RegisterAsync(new DepartmentRegistration("深圳市市场监督管理局", "market-supervision"));
        var (status, body) = await Share(market, "company-registration", new Dictionary<string, object?>
        {
            ["creditCode"] = "91350100M000100Y43", ["name"] = "深圳示例科技有限公司", ["legalRepresentative"] = "张三", ["registeredCapitalFen"] = 1_000_000_00L, ["status"] = "存续",
        });
        Assert.True(status == HttpStatusCode.OK, body);
        await ShareOk("real-estate", Estate("A-1", "南山区1号"));

        var creditor = await scenario.InviteAsync(scenario.CreditorOf(0));
        var seen = await creditor.Http.GetOk<List<ResourceSnapshot>>($"/api/cases/{scenario.CaseId}/shared-data");
        Assert.Equal(["company-registration"], seen.Select(s => s.Resource));
        Assert.Equal(2, (await scenario.Administrator.Http.GetOk<List<ResourceSnapshot>>($"/api/cases/{scenario.CaseId}/shared-data")).Count);
    }

    [Fact]
    public async Task What_was_shared_survives_a_restart()
    {
        var first = await ShareOk("real-estate", Estate("A-1", "南山区1号"));
        await server.DisposeAsync();
        server = await ServerHost.StartAsync(database);
        housing = housing.On(server);
        var second = await ShareOk("real-estate", Estate("A-1", "南山区1号乙"));
        Assert.Equal([new FieldChange("A-1", "location", "南山区1号", "南山区1号乙")], second.Report.Differences.Changed);
        Assert.NotEqual(first.Report.BatchId, second.Report.BatchId);
    }
}

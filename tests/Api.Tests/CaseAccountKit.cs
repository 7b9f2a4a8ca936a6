using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CaseGrains.CaseAccounts;
using CaseGrains.Ledger;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>
/// A case with its supervised account, driven through the API by the people whose steps they are: the case's judge
/// opens the account and decides on transfers, its administrator records deposits and moves money.
/// </summary>
public sealed class CaseAccountKit(CaseScenario scenario)
{
    /// <summary>Per transfer 100,000 yuan, per day 300,000 yuan, cumulative 1,000,000 yuan.</summary>
    public static readonly AccountLimits Limits = new(100_000_00, 300_000_00, 1_000_000_00);

    public static readonly Payee Appraiser = new("深圳资产评估有限公司", "4000 0233 0910 0123 456", "工商银行深圳分行");

    public CaseScenario Scenario => scenario;
    public string CaseId => scenario.CaseId;
    public string Url => $"/api/cases/{scenario.CaseId}/account";
    public Person Judge => scenario.Judge;
    public Person Administrator => scenario.Administrator;

    /// <summary>Opens the case (judge and administrator signed in) and the account with <paramref name="limits"/>.</summary>
    public static async Task<CaseAccountKit> OpenAsync(ServerHost server, string caseId, AccountLimits? limits = null, string court = CaseScenario.DefaultCourt)
    {
        var scenario = new CaseScenario(server, caseId, court);
        await scenario.OpenAsync();
        var kit = new CaseAccountKit(scenario);
        await kit.OpenAccountAsync(limits ?? Limits);
        return kit;
    }

    public Task<CaseAccountView> OpenAccountAsync(AccountLimits limits) =>
        Judge.Http.PutOk<CaseAccountView>(Url, new OpenCaseAccountRequest("深圳示例科技有限公司管理人", "7559 1234 5610 888", "招商银行深圳分行", limits));

    public Task<CaseAccountView> AccountAsync(Person? who = null) => (who ?? Judge).Http.GetOk<CaseAccountView>(Url);

    public Task<DepositView> DepositAsync(long amountFen, string reference, string source = "拍卖：南山区厂房一处") =>
        Administrator.Http.PostOk<DepositView>($"{Url}/deposits", new DepositRequest(amountFen, source, reference));

    /// <summary>Requests a transfer; returns the status (200 executed, 202 waiting for the judge) and the transfer.</summary>
    public Task<(int Status, TransferView Transfer)> TransferAsync(long amountFen, string purpose = "支付资产评估费", Payee? payee = null) =>
        SendAsync<TransferView>(Administrator, $"{Url}/transfers", new TransferRequest(payee ?? Appraiser, amountFen, purpose));

    public Task<(int Status, TransferView Transfer)> DistributeAsync(DistributionRequest request) =>
        SendAsync<TransferView>(Administrator, $"{Url}/distributions", request);

    public Task<TransferView> ApproveAsync(string transferId, string? reason = "经审查同意") =>
        Judge.Http.PostOk<TransferView>($"{Url}/transfers/{transferId}/approval", new ApprovalRequest(reason));

    public Task<TransferView> RejectAsync(string transferId, string reason) =>
        Judge.Http.PostOk<TransferView>($"{Url}/transfers/{transferId}/rejection", new RejectionRequest(reason));

    public Task<List<TransferView>> TransfersAsync() => Judge.Http.GetOk<List<TransferView>>($"{Url}/transfers");

    public Task<List<PendingApproval>> PendingAsync() => Judge.Http.GetOk<List<PendingApproval>>($"{Url}/pending-approvals");

    /// <summary>Every ledger entry of the case as a creditor or verifier reads it: kind, actor and payload.</summary>
    public async Task<List<(string Kind, string Actor, JsonObject Data)>> LedgerAsync()
    {
        var entries = new List<(string, string, JsonObject)>();
        long? start = 0;
        while (start is { } from)
        {
            var page = await Judge.Http.GetOk<LedgerEntriesPage>($"/api/cases/{CaseId}/ledger/entries?start={from}&count=1000");
            foreach (var e in page.Entries)
            {
                var entry = JsonNode.Parse(Convert.FromBase64String(e.Entry))!.AsObject();
                entries.Add((e.Kind, e.Actor, entry["data"]!.AsObject()));
            }
            start = page.Next;
        }
        return entries;
    }

    /// <summary>The ledger kinds recorded for one transfer, in order.</summary>
    public async Task<List<string>> LedgerKindsOfAsync(string transferId) =>
        [.. (await LedgerAsync()).Where(e => (string?)e.Data["transferId"] == transferId).Select(e => e.Kind)];

    /// <summary>
    /// Pays a distribution round of 1 fen to one payee out of the case's account, the one way a round is recorded:
    /// the judge opens the account (with wide limits) if the case has none, the administrator deposits and pays.
    /// </summary>
    public static async Task<TransferView> PayRoundAsync(Person judge, Person administrator, string caseId, bool final)
    {
        var url = $"/api/cases/{caseId}/account";
        using (var account = await judge.Http.GetAsync(url))
            if (account.StatusCode == System.Net.HttpStatusCode.NotFound)
                await judge.Http.PutOk<CaseAccountView>(url, new OpenCaseAccountRequest("管理人账户", "7559 1234 5610 888", "招商银行深圳分行", Limits));
        await administrator.Http.PostOk<DepositView>($"{url}/deposits", new DepositRequest(1, "拍卖", $"round-{Guid.NewGuid():N}"));
        var (status, paid) = await SendAsync<TransferView>(administrator, $"{url}/distributions",
            new DistributionRequest(1, "分配", Shares: [new DistributionShare("round-payee", 1)], Final: final));
        Assert.Equal((200, TransferStatus.Executed), (status, paid.Status));
        return paid;
    }

    public static async Task<(int Status, T Body)> SendAsync<T>(Person who, string url, object body)
    {
        using var response = await who.Http.PostAsJsonAsync(url, body, ApiJson.Options);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new HttpRequestException($"{(int)response.StatusCode} {url}: {text}");
        return ((int)response.StatusCode, JsonSerializer.Deserialize<T>(text, ApiJson.Options)!);
    }
}

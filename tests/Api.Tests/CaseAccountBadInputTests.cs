using CaseGrains.CaseAccounts;
using CaseGrains.Claims;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CaseGrains.Api.Tests;

/// <summary>Each wrong field of an account request is refused with a problem naming it, and nothing is stored.</summary>
[Collection(PostgresCollection.Name)]
public sealed class CaseAccountBadInputTests(PostgresServer postgres)
{
    private static readonly Payee Payee = CaseAccountKit.Appraiser;

    [Fact]
    public async Task Bad_input_names_the_field_and_changes_nothing()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var account = await CaseAccountKit.OpenAsync(server, "bad-fund", new AccountLimits(1_000_00, 5_000_00, 100_000_00));
        await account.Scenario.CreditorsDeclareAndAreConfirmedAsync(1);
        await account.DepositAsync(10_000_00, "CMB-1");
        // Over the per-transfer limit: it waits, holding 2,000 of the 10,000 yuan.
        var (_, waiting) = await account.TransferAsync(2_000_00);
        var (_, executed) = await account.TransferAsync(500_00);
        var judge = account.Judge;
        var admin = account.Administrator;
        var url = account.Url;
        var before = await FingerprintAsync(server);

        var cases = new (Person Who, HttpMethod Method, string Path, object? Body, int Status, string Field)[]
        {
            (judge, HttpMethod.Put, "", new OpenCaseAccountRequest("x", "1234567", "y", CaseAccountKit.Limits), 409, "caseId"),
            (admin, HttpMethod.Post, "/deposits", new DepositRequest(0, "拍卖", "R-2"), 400, "amountFen"),
            (admin, HttpMethod.Post, "/deposits", new DepositRequest(-1, "拍卖", "R-2"), 400, "amountFen"),
            (admin, HttpMethod.Post, "/deposits", new DepositRequest(1, " ", "R-2"), 400, "source"),
            (admin, HttpMethod.Post, "/deposits", new DepositRequest(1, "拍卖", ""), 400, "reference"),
            (admin, HttpMethod.Post, "/deposits", new DepositRequest(1, "拍卖", new string('r', 101)), 400, "reference"),
            (admin, HttpMethod.Post, "/deposits", new DepositRequest(1, "拍卖", "CMB-1"), 409, "reference"),
            (admin, HttpMethod.Post, "/deposits", new { amountFen = 1, source = "拍卖" }, 400, "reference"),
            (admin, HttpMethod.Post, "/transfers", new TransferRequest(Payee with { AccountNumber = "12-34" }, 1, "p"), 400, "payee.accountNumber"),
            (admin, HttpMethod.Post, "/transfers", new TransferRequest(Payee with { Name = "" }, 1, "p"), 400, "payee.name"),
            (admin, HttpMethod.Post, "/transfers", new TransferRequest(Payee with { CreditorId = "no such id!" }, 1, "p"), 400, "payee.creditorId"),
            (admin, HttpMethod.Post, "/transfers", new TransferRequest(Payee, 0, "p"), 400, "amountFen"),
            (admin, HttpMethod.Post, "/transfers", new TransferRequest(Payee, 1_000_000_000_000_001, "p"), 400, "amountFen"),
            (admin, HttpMethod.Post, "/transfers", new TransferRequest(Payee, 1, " "), 400, "purpose"),
            (admin, HttpMethod.Post, "/transfers", new { amountFen = 1, purpose = "p" }, 400, "payee"),
            (admin, HttpMethod.Post, "/transfers", new TransferRequest(Payee, 8_000_01, "p"), 409, "amountFen"),
            (admin, HttpMethod.Post, "/distributions", new DistributionRequest(0, "p", ClaimClass.Ordinary), 400, "totalFen"),
            (admin, HttpMethod.Post, "/distributions", new DistributionRequest(1, "p"), 400, "class"),
            (admin, HttpMethod.Post, "/distributions", new DistributionRequest(1, "p", ClaimClass.Ordinary, [new DistributionShare("a", 1)]), 400, "class"),
            (admin, HttpMethod.Post, "/distributions", new DistributionRequest(1, "p", Shares: [new DistributionShare("a", 1), new DistributionShare("a", 1)]), 400, "shares[1].payeeId"),
            (admin, HttpMethod.Post, "/distributions", new DistributionRequest(1, "p", Shares: [new DistributionShare("a", 0)]), 400, "shares[0].weightFen"),
            (admin, HttpMethod.Post, "/distributions", new DistributionRequest(1_000_01, "p", ClaimClass.Ordinary), 400, "totalFen"),
            (admin, HttpMethod.Post, "/distributions/preview", new DistributionRequest(1, ""), 400, "purpose"),
            (judge, HttpMethod.Post, $"/transfers/{waiting.TransferId}/rejection", new RejectionRequest(""), 400, "reason"),
            (judge, HttpMethod.Post, $"/transfers/{waiting.TransferId}/approval", new ApprovalRequest(new string('x', 2001)), 400, "reason"),
            (judge, HttpMethod.Post, "/transfers/T99999/approval", new ApprovalRequest(), 404, "transferId"),
            (judge, HttpMethod.Post, "/transfers/not%20an%20id/approval", new ApprovalRequest(), 400, "transferId"),
            (judge, HttpMethod.Get, "/transfers/T99999", null, 404, "transferId"),
            (judge, HttpMethod.Put, "/limits", new SetLimitsRequest(-1, 1, 1), 400, "perTransferFen"),
            (judge, HttpMethod.Put, "/limits", new SetLimitsRequest(1, -1, 1), 400, "perDayFen"),
            (judge, HttpMethod.Put, "/limits", new SetLimitsRequest(1, 1, 100_000_000_000_000_001), 400, "cumulativeFen"),
            (judge, HttpMethod.Put, "/limits", new SetLimitsRequest(1, 1, 1, new string('x', 2001)), 400, "reason"),
            (admin, HttpMethod.Post, "/transfers/T99999/cancellation", new CancellationRequest(), 404, "transferId"),
            (admin, HttpMethod.Post, $"/transfers/{executed.TransferId}/cancellation", new CancellationRequest(), 409, "transferId"),
            (admin, HttpMethod.Post, $"/transfers/{waiting.TransferId}/cancellation", new CancellationRequest(new string('x', 2001)), 400, "reason"),
        };
        foreach (var (who, method, path, body, status, field) in cases)
        {
            var response = body is null ? await who.Http.SendRaw(method, url + path, null) : await who.Http.SendJson(method, url + path, body);
            try
            {
                ProblemAssert.Field(status, field, response);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"{method} {path}: {e.Message}", e);
            }
        }

        Assert.Equal(before, await FingerprintAsync(server));
        ProblemAssert.Field(404, "caseId", await judge.Http.SendRaw(HttpMethod.Get, "/api/cases/no-such-case/account", null));
    }

    private static async Task<string> FingerprintAsync(ServerHost server)
    {
        await using var command = server.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("""
            select (select count(*) from grain_fact)::text || '/' || (select coalesce(sum(version), 0) from grain)::text || '/' ||
                   (select count(*) from ledger_entry)::text
            """);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}

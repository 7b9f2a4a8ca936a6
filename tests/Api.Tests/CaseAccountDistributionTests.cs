using System.Numerics;
using CaseGrains.CaseAccounts;
using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>
/// A distribution paid as one batch: split pro rata over the confirmed claims of a class (or shares listed by hand) to
/// the fen, no fen created or lost, checked against the limits as a whole, and recorded as the case's distribution
/// round once it executes.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class CaseAccountDistributionTests(PostgresServer postgres) : IAsyncLifetime
{
    private ServerHost server = null!;

    public async Task InitializeAsync() =>
        server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync(), clock: new ManualClock(DateTimeOffset.UtcNow));

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_distribution_to_the_confirmed_ordinary_claims_adds_up_to_the_fen_and_records_the_case_round()
    {
        var account = await CaseAccountKit.OpenAsync(server, "dist-case");
        var scenario = account.Scenario;
        // Seven confirmed ordinary claims of 1,000 to 7,000 yuan; one more declared but not reviewed; one employee claim.
        var confirmed = await scenario.CreditorsDeclareAndAreConfirmedAsync(7);
        var undetermined = await (await scenario.InviteAsync(scenario.CreditorOf(7))).Http.PostOk<ClaimView>($"/api/cases/{scenario.CaseId}/claims",
            new DeclareClaimRequest(scenario.CreditorOf(7), ClaimClass.Ordinary, 9_000_00));
        await account.Administrator.Http.PostOk<ClaimView>($"/api/cases/{scenario.CaseId}/employee-claims", new EmployeeClaimRequest("emp-1", 5_000_00, 0));
        await account.DepositAsync(50_000_00, "CMB-1");
        const long Total = 10_000_01;
        var request = new DistributionRequest(Total, "第一次分配：普通债权", ClaimClass.Ordinary);

        var preview = await account.Administrator.Http.PostOk<DistributionPreview>($"{account.Url}/distributions/preview", request);
        Assert.Empty(await account.TransfersAsync());
        var (status, paid) = await account.DistributeAsync(request);

        Assert.Equal(200, status);
        Assert.Equal(TransferStatus.Executed, paid.Status);
        Assert.Empty(preview.ExceededLimits);
        var plan = paid.Distribution!;
        Assert.Equal(Json(preview.Plan), Json(plan));
        Assert.Equal((ClaimClass.Ordinary, 1, 28_000_00L), (plan.Class, plan.Round, plan.WeightTotalFen));
        Assert.Equal(confirmed.Select(c => c.ClaimId), plan.Lines.Select(l => l.ClaimId));
        Assert.Equal(confirmed.Select(c => c.CreditorId), plan.Lines.Select(l => l.PayeeId));
        Assert.DoesNotContain(plan.Lines, l => l.ClaimId == undetermined.ClaimId || l.PayeeId == "emp-1");
        Assert.Equal(Total, plan.Lines.Sum(l => l.AmountFen));
        foreach (var line in plan.Lines)
        {
            var off = BigInteger.Abs((BigInteger)line.AmountFen * plan.WeightTotalFen - (BigInteger)Total * line.WeightFen);
            Assert.True(off < plan.WeightTotalFen, $"{line.PayeeId}: {line.AmountFen} is a fen or more off its share");
        }
        // 1,000,001 × k / 28 rounded down leaves 4 fen; the remainders are 9, 18, 27, 8, 17, 26, 7 (of 28), so the
        // fen go to the claims of 3,000, 6,000, 2,000 and 5,000 yuan.
        Assert.Equal([35_714, 71_429, 107_143, 142_857, 178_572, 214_286, 250_000], plan.Lines.Select(l => l.AmountFen));

        Assert.Equal(1, paid.DistributionRound);
        var caseView = await account.Judge.Http.GetOk<CaseView>($"/api/cases/{scenario.CaseId}");
        Assert.Equal((1, false), (caseView.DistributionRounds, caseView.FinalDistributionPaid));
        var view = await account.AccountAsync();
        Assert.Equal((50_000_00L - Total, Total), (view.BalanceFen, view.PaidTotalFen));

        var ledger = await account.LedgerAsync();
        Assert.Equal(["transfer.requested", "transfer.executed"], await account.LedgerKindsOfAsync(paid.TransferId));
        var requested = ledger.Single(e => e.Kind == "transfer.requested");
        var lines = requested.Data["distribution"]!["lines"]!.AsArray();
        Assert.Equal(plan.Lines.Select(l => l.AmountFen), lines.Select(l => (long)l!["amountFen"]!));
        var round = Assert.Single(ledger, e => e.Kind == "distribution.recorded");
        Assert.Equal((1, paid.TransferId, account.Administrator.Username), ((int?)round.Data["round"], (string?)round.Data["reference"], round.Actor));
    }

    [Fact]
    public async Task A_distribution_over_a_limit_waits_for_the_judge_and_the_final_one_closes_the_distributions()
    {
        var account = await CaseAccountKit.OpenAsync(server, "dist-case-2");
        await account.DepositAsync(200_000_00, "CMB-1");
        // Three equal shares of 150,000.01 yuan: 5,000,000.33 fen each; the one fen left goes to the first line.
        var request = new DistributionRequest(150_000_01, "最后分配", Shares:
            [new DistributionShare("cr-a", 100_000_00), new DistributionShare("cr-b", 100_000_00), new DistributionShare("cr-c", 100_000_00)], Final: true);

        var (status, waiting) = await account.DistributeAsync(request);

        Assert.Equal(202, status);
        Assert.Equal([TransferLimit.PerTransfer], waiting.ExceededLimits);
        Assert.Equal([50_000_01, 50_000_00, 50_000_00], waiting.Distribution!.Lines.Select(l => l.AmountFen));
        Assert.Null(waiting.DistributionRound);
        var pending = Assert.Single(await account.PendingAsync());
        Assert.Equal((TransferKind.Distribution, 3, 150_000_01L), (pending.Kind, pending.Payees, pending.AmountFen));
        Assert.Equal(0, (await account.Judge.Http.GetOk<CaseView>($"/api/cases/{account.CaseId}")).DistributionRounds);

        var approved = await account.ApproveAsync(waiting.TransferId);

        Assert.Equal((TransferStatus.Executed, 1), (approved.Status, approved.DistributionRound));
        var caseView = await account.Judge.Http.GetOk<CaseView>($"/api/cases/{account.CaseId}");
        Assert.Equal((1, true), (caseView.DistributionRounds, caseView.FinalDistributionPaid));
        Assert.Equal(["transfer.requested", "transfer.approved", "transfer.executed"], await account.LedgerKindsOfAsync(waiting.TransferId));
        ProblemAssert.Field(409, "final", await account.Administrator.Http.SendJson(HttpMethod.Post, $"{account.Url}/distributions",
            new DistributionRequest(1, "再分配", Shares: [new DistributionShare("cr-a", 1)])));
        Assert.Equal(49_999_99, (await account.AccountAsync()).BalanceFen);
    }

    [Fact]
    public async Task A_distribution_pays_a_class_at_most_in_full_and_needs_claims_to_pay()
    {
        var account = await CaseAccountKit.OpenAsync(server, "dist-case-3");
        await account.Scenario.CreditorsDeclareAndAreConfirmedAsync(2);
        await account.DepositAsync(50_000_00, "CMB-1");

        var tooMuch = await account.Administrator.Http.SendJson(HttpMethod.Post, $"{account.Url}/distributions",
            new DistributionRequest(3_000_01, "p", ClaimClass.Ordinary));
        Assert.Contains("3000.00 yuan is owed", ProblemAssert.Field(400, "totalFen", tooMuch), StringComparison.Ordinal);
        ProblemAssert.Field(409, "class", await account.Administrator.Http.SendJson(HttpMethod.Post, $"{account.Url}/distributions",
            new DistributionRequest(1, "p", ClaimClass.SocialInsuranceAndTax)));
        ProblemAssert.Field(409, "totalFen", await account.Administrator.Http.SendJson(HttpMethod.Post, $"{account.Url}/distributions",
            new DistributionRequest(50_000_01, "p", Shares: [new DistributionShare("x", 100_000_00)])));

        Assert.Empty(await account.TransfersAsync());
        Assert.Equal(0, (await account.Judge.Http.GetOk<CaseView>($"/api/cases/{account.CaseId}")).DistributionRounds);
    }

    [Fact]
    public async Task A_round_paid_from_the_account_is_one_fact_that_nobody_can_record_a_second_time_by_hand()
    {
        var account = await CaseAccountKit.OpenAsync(server, "dist-once");
        await account.DepositAsync(10_000_00, "CMB-1");
        var (_, paid) = await account.DistributeAsync(new DistributionRequest(3_000_00, "第一次分配",
            Shares: [new DistributionShare("cr-a", 2_000_00), new DistributionShare("cr-b", 1_000_00)]));
        Assert.Equal(1, paid.DistributionRound);

        // The same money recorded once more as a (final) round by hand: it must not count.
        var (byHand, _) = await account.Administrator.Http.SendJson(HttpMethod.Post, $"/api/cases/{account.CaseId}/distribution-rounds", new { final = true });

        Assert.True(byHand >= 400, $"recording a round by hand answered {byHand}");
        var caseView = await account.Judge.Http.GetOk<CaseView>($"/api/cases/{account.CaseId}");
        Assert.Equal((1, false), (caseView.DistributionRounds, caseView.FinalDistributionPaid));
        var progress = await account.Judge.Http.GetOk<CaseProgressView>($"/api/cases/{account.CaseId}/progress");
        Assert.False(progress.Nodes.Single(n => n.Node == CaseNode.DistributionExecuted).Completed);
        var round = Assert.Single(await account.LedgerAsync(), e => e.Kind == "distribution.recorded");
        Assert.Equal((1, paid.TransferId, 3_000_00L), ((int?)round.Data["round"], (string?)round.Data["reference"], (long?)round.Data["totalFen"]));
        Assert.Equal([("cr-a", 2_000_00L), ("cr-b", 1_000_00L)],
            round.Data["lines"]!.AsArray().Select(l => ((string)l!["payeeId"]!, (long)l["amountFen"]!)));
    }

    [Fact]
    public async Task While_a_distribution_waits_for_the_judge_the_next_waits_too_so_each_round_is_the_one_its_transfer_planned()
    {
        var account = await CaseAccountKit.OpenAsync(server, "dist-serial");
        await account.DepositAsync(500_000_00, "CMB-1");
        var (status, waiting) = await account.DistributeAsync(new DistributionRequest(200_000_00, "第一次分配", Shares: [new DistributionShare("cr-a", 300_000_00)]));
        Assert.Equal((202, 1), (status, waiting.Distribution!.Round));

        ProblemAssert.Field(409, "totalFen", await account.Administrator.Http.SendJson(HttpMethod.Post, $"{account.Url}/distributions",
            new DistributionRequest(1_000_00, "第二次分配", Shares: [new DistributionShare("cr-a", 300_000_00)])));
        Assert.Single(await account.TransfersAsync());

        await account.ApproveAsync(waiting.TransferId);
        var (_, second) = await account.DistributeAsync(new DistributionRequest(1_000_00, "第二次分配", Shares: [new DistributionShare("cr-a", 300_000_00)]));

        Assert.Equal((2, 2), (second.Distribution!.Round, second.DistributionRound));
        var ledger = await account.LedgerAsync();
        var planned = ledger.Where(e => e.Kind == "transfer.requested").ToDictionary(e => (string)e.Data["transferId"]!, e => (int)e.Data["distribution"]!["round"]!);
        var recorded = ledger.Where(e => e.Kind == "distribution.recorded").Select(e => ((string)e.Data["reference"]!, (int)e.Data["round"]!)).ToList();
        Assert.Equal([(waiting.TransferId, 1), (second.TransferId, 2)], recorded);
        Assert.All(recorded, r => Assert.Equal(planned[r.Item1], r.Item2));
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, ApiJson.Options);
}

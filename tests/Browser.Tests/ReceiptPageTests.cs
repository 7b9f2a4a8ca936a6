using System.Text.Json.Nodes;
using CaseGrains.Claims;
using CaseGrains.Ledger;
using CaseGrains.Meetings;
using CaseGrains.Meetings.Voting;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;
using Microsoft.Playwright;

namespace CaseGrains.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ReceiptPageTests(PostgresServer postgres, Chromium chromium)
{
    private static readonly string Receipts = Path.Combine(AppContext.BaseDirectory, "receipts");

    [Fact]
    public async Task A_creditor_keeps_the_receipt_of_a_vote_and_the_page_verifies_it_against_a_later_checkpoint_and_names_the_step_a_tampered_one_fails()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = await BrowserScenario.CreateAsync(server, "browser-receipt", creditors: 2, withClaims: true);
        await scenario.OpenMeetingAsync();

        // The creditor votes on a phone and downloads the receipt the page offers.
        var creditor = await chromium.NewPersonAsync(server.Address, phone: true);
        await SignIn.AsAsync(creditor, scenario.Creditors[0]);
        await creditor.GotoAsync($"/#/meetings/{scenario.MeetingId}");
        await creditor.ClickAsync("button.choice.for");
        await creditor.ClickAsync("dialog.confirm-vote button.yes");
        var position = long.Parse(await (await creditor.WaitForSelectorAsync("p.receipt"))!.GetAttributeAsync("data-position") ?? "", System.Globalization.CultureInfo.InvariantCulture);
        var download = await creditor.RunAndWaitForDownloadAsync(() => creditor.ClickAsync("button.download-receipt"));
        Directory.CreateDirectory(Receipts);
        var kept = Path.Combine(Receipts, download.SuggestedFilename);
        await download.SaveAsAsync(kept);
        Assert.Equal($"receipt-{scenario.CaseId}-{position}.json", download.SuggestedFilename);
        var file = JsonNode.Parse(await File.ReadAllTextAsync(kept))!;
        var receipt = Receipt.Parse((string)file["receipt"]!);
        Assert.Equal(position, receipt.Index);
        Assert.Equal("for", (string)file["ballot"]!["choice"]!);
        var receiptSize = SignedCheckpoint.Parse(receipt.SignedCheckpoint).Size;

        // The ledger moves on: another ballot, the close, a new claim, and a checkpoint published after all of them.
        await scenario.Creditors[1].Http.PostOk<BallotAck>($"/api/meetings/{scenario.MeetingId}/resolutions/r1/ballots", new BallotRequest(VoteChoice.Against));
        await scenario.Administrator.Http.PostOk<ResolutionView>($"/api/meetings/{scenario.MeetingId}/resolutions/r1/close", new { });
        await scenario.Creditors[0].Http.PostOk<ClaimView>($"/api/cases/{scenario.CaseId}/claims",
            new DeclareClaimRequest(scenario.Creditors[0].CreditorId!, ClaimClass.Ordinary, 5_000_00));
        var current = await scenario.Administrator.Http.PostOk<CheckpointResponse>($"/api/cases/{scenario.CaseId}/ledger/checkpoint", new { });
        Assert.True(current.TreeSize > receiptSize, $"the new checkpoint ({current.TreeSize}) covers more than the receipt's ({receiptSize})");

        // Later, the creditor opens the receipt page and loads the file kept.
        await creditor.ClickAsync("a.verify-receipt-link");
        await creditor.WaitForSelectorAsync("main[data-view='receipt']");
        await creditor.SetInputFilesAsync("input[name=receiptFile]", kept);
        await creditor.WaitForSelectorAsync("#receipt-summary[data-result='verified']");
        var steps = await creditor.EvalOnSelectorAllAsync<string[]>("li.receipt-step", "items => items.map(i => i.dataset.step + ':' + i.dataset.status)");
        Assert.Equal(["format:passed", "key:passed", "signature:passed", "inclusion:passed", "entry:passed", "ballot:passed", "current:passed", "consistency:passed"], steps);
        Assert.Contains("Your ballot \"For\"", await creditor.InnerTextAsync("li[data-step='ballot']"), StringComparison.Ordinal);
        Assert.Contains($"The ledger of {current.TreeSize} entries contains the receipt's {receiptSize} entries unchanged",
            await creditor.InnerTextAsync("li[data-step='consistency']"), StringComparison.Ordinal);
        await Chromium.ScreenshotAsync(creditor, "receipt-verified");

        // One byte of the entry changed: the inclusion step fails and says so, and nothing after it is claimed.
        var tamperedEntry = receipt with { Extra = Flip(receipt.Extra!, receipt.Extra!.Length / 2) };
        await creditor.FillAsync("textarea[name=receipt]", WithReceipt(file, tamperedEntry));
        await creditor.ClickAsync("#verify-receipt");
        await creditor.WaitForSelectorAsync("#receipt-summary[data-result='failed'][data-failed-step='inclusion']");
        Assert.Equal("Verification failed at step \"Entry included in the ledger (Merkle proof)\".", await creditor.InnerTextAsync("#receipt-summary"));
        Assert.Equal("failed", await creditor.GetAttributeAsync("li[data-step='inclusion']", "data-status"));
        Assert.Equal("passed", await creditor.GetAttributeAsync("li[data-step='signature']", "data-status"));
        Assert.Equal("notChecked", await creditor.GetAttributeAsync("li[data-step='consistency']", "data-status"));
        await Chromium.ScreenshotAsync(creditor, "receipt-tampered-entry");

        // In Chinese, one byte of a proof hash changed, pasted as text.
        var reader = await chromium.NewPersonAsync(server.Address, language: "zh-CN");
        await SignIn.AsAsync(reader, scenario.Creditors[0]);
        await reader.GotoAsync("/#/receipt");
        var tamperedProof = receipt with { InclusionProof = [.. receipt.InclusionProof.Select((hash, i) => i == 0 ? Flip(hash, 0) : hash)] };
        await reader.FillAsync("textarea[name=receipt]", WithReceipt(file, tamperedProof));
        await reader.ClickAsync("#verify-receipt");
        await reader.WaitForSelectorAsync("#receipt-summary[data-result='failed'][data-failed-step='inclusion']");
        Assert.Equal("核验未通过，失败步骤：“记录包含于账本（默克尔证明）”。", await reader.InnerTextAsync("#receipt-summary"));
        await Chromium.ScreenshotAsync(reader, "receipt-tampered-proof-zh-CN");

        // A changed salt leaves the log's proofs intact but no longer opens the ballot's commitment.
        var otherSalt = file.DeepClone();
        otherSalt["ballot"]!["salt"] = BallotCommitment.NewSalt();
        await reader.FillAsync("textarea[name=receipt]", otherSalt.ToJsonString());
        await reader.ClickAsync("#verify-receipt");
        await reader.WaitForSelectorAsync("#receipt-summary[data-result='failed'][data-failed-step='ballot']");
        Assert.Equal("passed", await reader.GetAttributeAsync("li[data-step='inclusion']", "data-status"));
    }

    [Fact]
    public async Task On_another_phone_the_meeting_page_still_shows_the_creditors_ballot_and_offers_its_receipt()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = await BrowserScenario.CreateAsync(server, "browser-receipt-again", creditors: 1, withClaims: true);
        await scenario.OpenMeetingAsync();
        // Voted elsewhere: this browser has never seen the acknowledgement.
        var ack = await scenario.Creditors[0].Http.PostOk<BallotAck>($"/api/meetings/{scenario.MeetingId}/resolutions/r1/ballots", new BallotRequest(VoteChoice.Abstain));

        var phone = await chromium.NewPersonAsync(server.Address, phone: true);
        await SignIn.AsAsync(phone, scenario.Creditors[0]);
        await phone.GotoAsync($"/#/meetings/{scenario.MeetingId}");
        var shown = await phone.WaitForSelectorAsync("p.receipt");
        Assert.Equal(ack.LedgerPosition.ToString(System.Globalization.CultureInfo.InvariantCulture), await shown!.GetAttributeAsync("data-position"));
        var download = await phone.RunAndWaitForDownloadAsync(() => phone.ClickAsync("button.download-receipt"));
        Assert.Equal($"receipt-{scenario.CaseId}-{ack.LedgerPosition}.json", download.SuggestedFilename);
        var file = JsonNode.Parse(await File.ReadAllTextAsync((await download.PathAsync())!))!;
        Assert.Equal((ack.Salt, "abstain"), ((string)file["ballot"]!["salt"]!, (string)file["ballot"]!["choice"]!));
        await Chromium.ScreenshotAsync(phone, "receipt-on-another-phone");
    }

    private static string WithReceipt(JsonNode file, Receipt receipt)
    {
        var copy = file.DeepClone();
        copy["receipt"] = receipt.Format();
        return copy.ToJsonString();
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= 0x01;
        return copy;
    }
}

using System.Security.Cryptography;
using System.Text;
using CaseGrains.Testing;
using Microsoft.Playwright;

namespace CaseGrains.Browser.Tests;

[Collection(BrowserCollection.Name)]
public sealed class AdministratorConsoleTests(PostgresServer postgres, Chromium chromium)
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task A_creditor_declares_a_claim_with_evidence_files_and_the_administrator_sees_each_file_with_its_hash_and_exports_the_claim_list()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = await BrowserScenario.CreateAsync(server, "browser-evidence", creditors: 1, withClaims: false);

        var creditor = await chromium.NewPersonAsync(server.Address, phone: true);
        await SignIn.AsAsync(creditor, scenario.Creditors[0]);
        await creditor.ClickAsync("a.case-link");
        await creditor.FillAsync("input[name=principal]", "8000");
        await creditor.SetInputFilesAsync("input[name=evidence]", new[]
        {
            new FilePayload { Name = "借款合同.pdf", MimeType = "application/pdf", Buffer = Pdf },
            new FilePayload { Name = "transfer-slip.png", MimeType = "image/png", Buffer = Png },
        });
        await creditor.ClickAsync("#declare");
        await creditor.WaitForSelectorAsync("p[role=status]:text('Filed 2 evidence file(s).')");
        Assert.Equal(2, await creditor.Locator("li.evidence-file").CountAsync());
        var claimId = await creditor.GetAttributeAsync("div.claim-evidence", "data-claim-id");
        await Chromium.ScreenshotAsync(creditor, "evidence-declared-creditor");

        var administrator = await chromium.NewPersonAsync(server.Address);
        await SignIn.AsAsync(administrator, scenario.Administrator);
        await administrator.GotoAsync($"/#/cases/{scenario.CaseId}");
        var pdf = administrator.Locator($"li.evidence-file[data-sha256='{Sha256(Pdf)}']");
        await pdf.WaitForAsync();
        Assert.Contains("借款合同.pdf", await pdf.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(Sha256(Pdf), await pdf.Locator("code.sha256").InnerTextAsync());
        Assert.Equal(1, await administrator.Locator($"li.evidence-file[data-sha256='{Sha256(Png)}']").CountAsync());

        // The file the administrator opens is the one the creditor filed, and the hash the page shows is of its bytes.
        var filed = await administrator.APIRequest.GetAsync(await pdf.Locator("a").GetAttributeAsync("href") ?? "");
        Assert.Equal(Pdf, await filed.BodyAsync());

        // Evidence added later to the same claim reaches the administrator's open page live.
        await creditor.SetInputFilesAsync($"input[name='evidence-{claimId}']", new FilePayload { Name = "receipt.pdf", MimeType = "application/pdf", Buffer = [.. Pdf, .. "x"u8] });
        await creditor.ClickAsync($"div.claim-evidence[data-claim-id='{claimId}'] button.file-evidence");
        await administrator.WaitForSelectorAsync($"li.evidence-file[data-sha256='{Sha256([.. Pdf, .. "x"u8])}']");

        var export = administrator.Locator("a.export-claim-list");
        var csv = await administrator.APIRequest.GetAsync(await export.GetAttributeAsync("href") ?? "");
        Assert.Equal(200, csv.Status);
        Assert.Contains(claimId!, await csv.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await creditor.Locator("a.export-claim-list").CountAsync());
        await Chromium.ScreenshotAsync(administrator, "evidence-administrator");
    }

    [Fact]
    public async Task The_administrators_meeting_page_shows_attendance_and_ballots_by_class_as_creditors_arrive_and_vote()
    {
        await using var server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        var scenario = await BrowserScenario.CreateAsync(server, "browser-attendance", creditors: 2, withClaims: true);
        await scenario.OpenMeetingAsync();

        var administrator = await chromium.NewPersonAsync(server.Address);
        await SignIn.AsAsync(administrator, scenario.Administrator);
        await administrator.GotoAsync($"/#/meetings/{scenario.MeetingId}");
        await administrator.WaitForSelectorAsync("#checked-in[data-count='0']");
        await administrator.WaitForSelectorAsync("tr.attendance-class[data-members='2'][data-present='0']");

        var creditor = await chromium.NewPersonAsync(server.Address, phone: true);
        await SignIn.AsAsync(creditor, scenario.Creditors[0]);
        await creditor.GotoAsync($"/#/meetings/{scenario.MeetingId}");
        await administrator.WaitForSelectorAsync("#checked-in[data-count='1']");
        await administrator.WaitForSelectorAsync("tr.attendance-class[data-members='2'][data-present='1']");
        Assert.Equal("1 of 2 voters present", await administrator.InnerTextAsync("p.attendance-summary"));

        await creditor.ClickAsync("button.choice.against");
        await creditor.ClickAsync("dialog.confirm-vote button.yes");
        await creditor.WaitForSelectorAsync("p.receipt");
        await administrator.WaitForSelectorAsync("table.tally[data-votes='1']");
        Assert.Equal("1", await administrator.InnerTextAsync("tr.attendance-class td:nth-child(4)"));
        Assert.Equal(0, await creditor.Locator("section.attendance").CountAsync());
        await Chromium.ScreenshotAsync(administrator, "meeting-attendance-administrator");
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}

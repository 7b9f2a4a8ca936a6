using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CaseGrains.Claims;
using CaseGrains.Testing;
using CaseGrains.WebFront.Api;

namespace CaseGrains.Api.Tests;

/// <summary>Evidence files over HTTP: the server hashes what it received, keeps the bytes, and the case ledger carries the hash.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ClaimEvidenceTests(PostgresServer postgres) : IAsyncLifetime
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");

    private ServerHost server = null!;
    private CaseScenario scenario = null!;
    private Person creditor = null!;
    private ClaimView claim = null!;

    public async Task InitializeAsync()
    {
        server = await ServerHost.StartAsync(await postgres.CreateDatabaseAsync());
        scenario = new CaseScenario(server, "evidence-case");
        await scenario.OpenAsync();
        creditor = await scenario.InviteAsync(scenario.CreditorOf(1));
        claim = await creditor.Http.PostOk<ClaimView>($"/api/cases/{scenario.CaseId}/claims", new DeclareClaimRequest(creditor.CreditorId!, ClaimClass.Ordinary, 500_000_00));
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    private string ClaimUrl => $"/api/cases/{scenario.CaseId}/claims/{claim.ClaimId}";

    private string EvidenceUrl(string fileName = "借款合同.pdf") => $"{ClaimUrl}/evidence?fileName={Uri.EscapeDataString(fileName)}";

    /// <summary>Uploads as the claim's creditor unless someone else is named: the uploader is whoever is signed in.</summary>
    private async Task<HttpResponseMessage> Upload(byte[] content, string mediaType, string? url = null, Person? by = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url ?? EvidenceUrl()) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        // A large file waits for the server's go-ahead, as careful clients do, so that a refusal (413) can be read.
        if (content.Length > 64 * 1024) request.Headers.ExpectContinue = true;
        return await (by ?? creditor).Http.SendAsync(request);
    }

    [Fact]
    public async Task An_uploaded_file_is_stored_with_the_hash_the_server_computed_and_the_ledger_entry_carries_that_hash()
    {
        using var response = await Upload(Pdf, "application/pdf");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = JsonSerializer.Deserialize<EvidenceFiled>(await response.Content.ReadAsStringAsync(), ApiJson.Options)!;
        var expected = Convert.ToHexStringLower(SHA256.HashData(Pdf));
        Assert.Equal(expected, filed.Evidence.Sha256);
        Assert.Equal(Pdf.Length, filed.Evidence.SizeBytes);
        Assert.Equal("借款合同.pdf", filed.Evidence.FileName);
        Assert.Equal("application/pdf", filed.Evidence.MediaType);

        var entry = await MachineScenario.ScalarAsync<string>(server,
            "select convert_from(entry, 'UTF8') from ledger_entry where case_id = $1 and position = $2", scenario.CaseId, filed.LedgerPosition);
        using var ledger = JsonDocument.Parse(entry!);
        Assert.Equal("claim.evidenceAttached", ledger.RootElement.GetProperty("kind").GetString());
        Assert.Equal(expected, ledger.RootElement.GetProperty("data").GetProperty("sha256").GetString());
        Assert.Equal(claim.ClaimId, ledger.RootElement.GetProperty("data").GetProperty("claimId").GetString());
        Assert.DoesNotContain("借款合同", entry, StringComparison.Ordinal);

        Assert.Equal(creditor.CreditorId, filed.Evidence.UploadedBy);
        var view = await creditor.Http.GetOk<ClaimView>(ClaimUrl);
        Assert.Equal(filed.Evidence, Assert.Single(view.Evidence));
        using var download = await creditor.Http.GetAsync(response.Headers.Location);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(Pdf))}:", download.Headers.GetValues("Repr-Digest").Single());
        var history = await creditor.Http.GetOk<List<ClaimHistoryEntry>>($"{ClaimUrl}/history");
        Assert.Contains(expected, history[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scan_of_several_megabytes_under_the_evidence_limit_is_accepted_whole()
    {
        var scan = Pdf.Concat(Enumerable.Range(0, 6 * 1024 * 1024).Select(i => (byte)(i * 31))).ToArray();

        using var response = await Upload(scan, "application/pdf");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = JsonSerializer.Deserialize<EvidenceFiled>(await response.Content.ReadAsStringAsync(), ApiJson.Options)!;
        Assert.Equal(scan.Length, filed.Evidence.SizeBytes);
        using var download = await creditor.Http.GetAsync(response.Headers.Location);
        Assert.Equal(SHA256.HashData(scan), SHA256.HashData(await download.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task A_type_off_the_list_a_file_that_is_not_what_it_says_and_an_oversized_file_are_refused_and_nothing_is_kept()
    {
        using var exe = await Upload([0x4D, 0x5A, 0x90, 0x00], "application/x-msdownload");
        using var disguised = await Upload([0x4D, 0x5A, 0x90, 0x00], "application/pdf");
        using var huge = await Upload(Pdf.Concat(new byte[10 * 1024 * 1024]).ToArray(), "application/pdf");
        using var empty = await Upload([], "image/png");

        await ProblemAssert.NamesAsync(exe, HttpStatusCode.BadRequest, "contentType");
        await ProblemAssert.NamesAsync(disguised, HttpStatusCode.BadRequest, "content");
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        Assert.Equal("application/problem+json", huge.Content.Headers.ContentType?.MediaType);
        using (var tooLarge = JsonDocument.Parse(await huge.Content.ReadAsStringAsync()))
            Assert.Equal("The request body is too large.", tooLarge.RootElement.GetProperty("title").GetString());
        await ProblemAssert.NamesAsync(empty, HttpStatusCode.BadRequest, "content");
        Assert.Empty((await creditor.Http.GetOk<ClaimView>(ClaimUrl)).Evidence);
        Assert.Equal(0L, await MachineScenario.ScalarAsync<long>(server, "select count(*) from claim_evidence"));
    }

    [Fact]
    public async Task Evidence_is_filed_by_the_creditor_or_the_administrator_and_not_for_a_withdrawn_claim()
    {
        // Another creditor of the case may not see this claim, let alone file for it; a creditor of another case has no part in it at all.
        var another = await scenario.InviteAsync(scenario.CreditorOf(2));
        using var stranger = await Upload(Pdf, "application/pdf", by: another);
        await ProblemAssert.NamesAsync(stranger, HttpStatusCode.Forbidden, "claimId");
        var otherCase = new CaseScenario(server, "other-case");
        await otherCase.OpenAsync();
        using var outsider = await Upload(Pdf, "application/pdf", by: await otherCase.InviteAsync(otherCase.CreditorOf(1)));
        Assert.Equal(HttpStatusCode.Forbidden, outsider.StatusCode);
        using var byJudge = await Upload(Pdf, "application/pdf", by: scenario.Judge);
        Assert.Equal(HttpStatusCode.Forbidden, byJudge.StatusCode);
        using var byAdministrator = await Upload(Pdf, "application/pdf", EvidenceUrl("审查笔记.pdf"), scenario.Administrator);
        Assert.Equal(HttpStatusCode.Created, byAdministrator.StatusCode);

        await creditor.Http.PostOk<ClaimView>($"{ClaimUrl}/withdrawal", new WithdrawalRequest());
        using var afterWithdrawal = await Upload(Pdf, "application/pdf");
        await ProblemAssert.NamesAsync(afterWithdrawal, HttpStatusCode.Conflict, "status");
        Assert.Equal(1L, await MachineScenario.ScalarAsync<long>(server, "select count(*) from claim_evidence"));
        var filed = Assert.Single((await scenario.Administrator.Http.GetOk<ClaimView>(ClaimUrl)).Evidence);
        Assert.Equal(scenario.Administrator.Username, filed.UploadedBy);
    }

    [Fact]
    public async Task Another_creditor_of_the_case_cannot_download_the_evidence_though_its_ids_are_in_the_ledger()
    {
        using var response = await Upload(Pdf, "application/pdf");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var another = await scenario.InviteAsync(scenario.CreditorOf(2));

        using var nosy = await another.Http.GetAsync(response.Headers.Location);
        await ProblemAssert.NamesAsync(nosy, HttpStatusCode.Forbidden, "claimId");
        using var judge = await scenario.Judge.Http.GetAsync(response.Headers.Location);
        Assert.Equal(Pdf, await judge.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_folder_in_the_file_name_is_dropped()
    {
        using var response = await Upload([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], "image/png", EvidenceUrl("../../etc/收据.png"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var filed = JsonSerializer.Deserialize<EvidenceFiled>(await response.Content.ReadAsStringAsync(), ApiJson.Options)!;
        Assert.Equal("收据.png", filed.Evidence.FileName);
    }

}

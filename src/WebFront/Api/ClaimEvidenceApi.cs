using System.Security.Cryptography;
using CaseGrains.WebFront.Security;
using CaseGrains.Cases;
using CaseGrains.Claims;
using CaseGrains.Runtime;
using CaseGrains.WebFront.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace CaseGrains.WebFront.Api;

/// <summary>
/// Evidence files for a claim (EBL 49). The body is the file itself, its Content-Type the media type (see
/// <see cref="EvidenceFiles"/>); the server computes the SHA-256, stores the bytes and records the hash in the case ledger.
/// </summary>
public static class ClaimEvidenceApi
{
    public static IEndpointRouteBuilder MapClaimEvidenceApi(this IEndpointRouteBuilder routes)
    {
        var evidence = routes.MapGroup("/cases/{caseId}/claims/{claimId}/evidence").WithTags("Claims");
        evidence.MapPost("/", Upload).Allow(Policies.CaseCreditorOrAdministrator).WithName("UploadClaimEvidence")
            .WithSummary("Files an evidence file (at most 10 MiB; PDF, JPEG, PNG, TIFF, OFD, DOCX or XLSX); its SHA-256 goes into the case ledger.");
        evidence.MapGet("/{evidenceId}", Download).Allow(Policies.CaseParticipant).WithName("DownloadClaimEvidence");
        return routes;
    }

    private static async Task<Created<EvidenceFiled>> Upload(
        string caseId, string claimId, [FromQuery] string? fileName, HttpRequest request,
        IGrainFactory grains, IEvidenceStore store)
    {
        var caseGrain = grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId"));
        Ids.Check(claimId, "claimId");
        var name = EvidenceFiles.FileName(fileName);
        var mediaType = EvidenceFiles.MediaType(request.ContentType);
        var user = request.HttpContext.User;
        var uploader = user.Role() == CaseGrains.Accounts.AccountRole.Creditor ? user.CreditorId()! : user.Actor();
        // Refused before the bytes are read when the claim cannot take evidence at all, or is another creditor's.
        await ClaimLifecycleApi.VisibleClaimAsync(caseGrain, claimId, request.HttpContext);

        var content = await BoundedBody.ReadAsync(request, EvidenceFiles.MaxBytes, request.HttpContext.RequestAborted) ?? throw TooLarge();
        EvidenceFiles.CheckContent(mediaType, content);
        var sha256 = SHA256.HashData(content);
        var evidenceId = $"ev-{Guid.NewGuid():N}";
        await store.SaveAsync(new StoredEvidence(evidenceId, caseId, claimId, name, mediaType, content.Length, sha256, uploader), content,
            request.HttpContext.RequestAborted);
        EvidenceFiled filed;
        try
        {
            filed = await caseGrain.AttachEvidence(new AttachEvidence(claimId,
                new EvidenceView(evidenceId, name, mediaType, content.Length, Convert.ToHexStringLower(sha256), uploader, default)));
        }
        catch (RuleViolationException)
        {
            await store.DeleteAsync(evidenceId, CancellationToken.None);
            throw;
        }
        return TypedResults.Created($"/api/cases/{caseId}/claims/{claimId}/evidence/{evidenceId}", filed);
    }

    private static async Task<FileContentHttpResult> Download(string caseId, string claimId, string evidenceId, IEvidenceStore store, HttpContext http,
        IGrainFactory grains)
    {
        // Another creditor's evidence stays theirs: the ids are in the ledger, which every participant reads.
        await ClaimLifecycleApi.VisibleClaimAsync(grains.Get<ICaseGrain>(Ids.Check(caseId, "caseId")), claimId, http);
        var found = await store.ReadAsync(Ids.Check(caseId, "caseId"), Ids.Check(claimId, "claimId"), Ids.Check(evidenceId, "evidenceId"), http.RequestAborted)
            ?? throw RuleViolationException.NotFound("evidenceId", $"Claim {claimId} has no evidence {evidenceId}.");
        // RFC 9530: the digest of the file as sent, the same SHA-256 as in the ledger.
        http.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(found.Evidence.Sha256)}:";
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        return TypedResults.File(found.Content, found.Evidence.MediaType, found.Evidence.FileName);
    }

    private static BadHttpRequestException TooLarge() =>
        new($"An evidence file is at most {EvidenceFiles.MaxBytes / (1024 * 1024)} MiB.", StatusCodes.Status413PayloadTooLarge);
}

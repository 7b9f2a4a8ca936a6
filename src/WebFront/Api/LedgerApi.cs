using System.Text;
using CaseGrains.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

using CaseGrains.WebFront.Security;

namespace CaseGrains.WebFront.Api;

/// <summary>
/// A case's tamper-evident ledger: signed checkpoints, entries, RFC 9162 proofs, receipts, the export that the offline
/// verifier checks, and the server's own integrity check.
/// </summary>
public static class LedgerApi
{
    private const int ExportPartEntries = 5000;

    public static IEndpointRouteBuilder MapLedgerApi(this IEndpointRouteBuilder routes)
    {
        var ledger = routes.MapGroup("/cases/{caseId}/ledger").WithTags("Ledger").Allow(Policies.CaseParticipant);
        ledger.MapGet("/checkpoint", GetCheckpoint).WithName("GetLedgerCheckpoint")
            .WithSummary("The newest signed checkpoint (C2SP tlog-checkpoint), with its witness cosignatures and refusals.");
        ledger.MapPost("/checkpoint", PublishCheckpoint).Allow(Policies.CaseStaff).WithName("PublishLedgerCheckpoint")
            .WithSummary("Signs a checkpoint of everything stored now, if the ledger grew and still extends the last one.");
        ledger.MapGet("/checkpoints/{treeSize:long}", GetCheckpointAt).WithName("GetLedgerCheckpointAt");
        ledger.MapGet("/entries", GetEntries).WithName("GetLedgerEntries").WithSummary("Entries in position order, at most 1000 a page.");
        ledger.MapGet("/proof/inclusion", GetInclusionProof).WithName("GetLedgerInclusionProof")
            .WithSummary("RFC 9162 inclusion proof by position or by leaf hash; against the newest checkpoint unless treeSize is given.");
        ledger.MapGet("/proof/consistency", GetConsistencyProof).WithName("GetLedgerConsistencyProof")
            .WithSummary("RFC 9162 consistency proof between two tree sizes; 'to' defaults to the newest checkpoint.");
        ledger.MapGet("/receipts/{position:long}", GetReceipt).WithName("GetLedgerReceipt")
            .WithSummary("A C2SP tlog-proof receipt for one entry, carrying the entry, against the newest checkpoint.");
        ledger.MapGet("/export", Export).WithName("ExportLedger")
            .WithSummary("The whole ledger as JSON Lines (casegrains-ledger-export/v1) ending in its signed checkpoint.");
        ledger.MapPost("/check", Check).Allow(Policies.CaseStaff).WithName("CheckLedger")
            .WithSummary("Re-reads and rehashes every stored entry against the newest checkpoint; names the first bad position.");
        return routes;
    }

    private static ILedgerGrain Ledger(IGrainFactory grains, string caseId) => grains.Get<ILedgerGrain>(Ids.Check(caseId, "caseId"));

    private static async Task<Ok<CheckpointResponse>> GetCheckpoint(string caseId, IGrainFactory grains) =>
        TypedResults.Ok(await Ledger(grains, caseId).GetCheckpoint());

    private static async Task<Ok<CheckpointResponse>> PublishCheckpoint(string caseId, IGrainFactory grains) =>
        TypedResults.Ok(await Ledger(grains, caseId).PublishCheckpoint());

    private static async Task<Ok<CheckpointResponse>> GetCheckpointAt(string caseId, long treeSize, IGrainFactory grains) =>
        TypedResults.Ok(await Ledger(grains, caseId).GetCheckpointAt(treeSize));

    private static async Task<Ok<LedgerEntriesPage>> GetEntries(string caseId, IGrainFactory grains, long start = 0, int count = 100) =>
        TypedResults.Ok(await Ledger(grains, caseId).GetEntries(start, count));

    private static async Task<Ok<InclusionProofResponse>> GetInclusionProof(
        string caseId, IGrainFactory grains, long? position = null, string? leafHash = null, long? treeSize = null)
    {
        var ledger = Ledger(grains, caseId);
        return (position, leafHash) switch
        {
            ({ } p, null) => TypedResults.Ok(await ledger.GetInclusionProof(p, treeSize)),
            (null, { } hash) => TypedResults.Ok(await ledger.FindInclusionProof(hash, treeSize)),
            _ => throw RuleViolationException.Invalid("position", "Give either position or leafHash."),
        };
    }

    private static async Task<Ok<ConsistencyProofResponse>> GetConsistencyProof(string caseId, long from, IGrainFactory grains, long? to = null) =>
        TypedResults.Ok(await Ledger(grains, caseId).GetConsistencyProof(from, to));

    private static async Task<Ok<ReceiptResponse>> GetReceipt(string caseId, long position, IGrainFactory grains) =>
        TypedResults.Ok(await Ledger(grains, caseId).GetReceipt(position));

    /// <summary>Streams the export part by part, so a ledger of a million entries never sits in memory whole. The
    /// checkpoint is fixed first, so a refusal still becomes a problem response before anything is sent.</summary>
    private static async Task<PushStreamHttpResult> Export(string caseId, IGrainFactory grains)
    {
        var ledger = Ledger(grains, caseId);
        var checkpoint = await ledger.BeginExport();
        return TypedResults.Stream(async body =>
        {
            await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
            long? next = 0;
            while (next is { } start)
            {
                var part = await ledger.ExportPart(checkpoint.TreeSize, start, ExportPartEntries);
                await writer.WriteAsync(part.Text);
                await writer.FlushAsync();
                next = part.Next;
            }
        }, "application/jsonl; charset=utf-8", $"ledger-{caseId}-{checkpoint.TreeSize}.jsonl");
    }

    private static async Task<Ok<LedgerCheckResult>> Check(string caseId, ILedgerIntegrity integrity, CancellationToken cancellationToken) =>
        TypedResults.Ok(await integrity.CheckAsync(Ids.Check(caseId, "caseId"), cancellationToken));
}

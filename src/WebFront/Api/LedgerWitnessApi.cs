using CaseGrains.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>
/// Where witnesses (the court, the tax bureau) fetch what they must check and post what they decided. Both statements
/// are signed with the witness's registered key and verified before they are stored, so a caller cannot speak for a
/// witness it does not hold the key of.
/// </summary>
public static class LedgerWitnessApi
{
    public static IEndpointRouteBuilder MapLedgerWitnessApi(this IEndpointRouteBuilder routes)
    {
        // Witnesses are machines of the court and the tax bureau: what they post is accepted only with a valid signature of
        // the registered witness key, and what they read (signed checkpoints and proofs) holds no personal data.
        var witness = routes.MapGroup("/cases/{caseId}/ledger/witnesses/{witness}").WithTags("Ledger witnesses").AllowAnonymous();
        witness.MapGet("/checkpoint", GetCheckpoint).WithName("GetWitnessCheckpoint")
            .WithSummary("The newest checkpoint and the consistency proof to it from the last one this witness cosigned (or from 'from').");
        witness.MapPost("/cosignatures", Cosign).WithName("CosignCheckpoint")
            .WithSummary("Adds the witness's cosignature line (tlog-cosignature shape) to a checkpoint.");
        witness.MapPost("/refusals", Refuse).WithName("RefuseCheckpoint")
            .WithSummary("Records that the witness refused a checkpoint, with its signed reason; the checkpoint then shows as refused.");
        return routes;
    }

    private static ILedgerGrain Ledger(IGrainFactory grains, string caseId) => grains.Get<ILedgerGrain>(Ids.Check(caseId, "caseId"));

    private static async Task<Ok<WitnessCheckpointResponse>> GetCheckpoint(string caseId, string witness, IGrainFactory grains, long? from = null) =>
        TypedResults.Ok(await Ledger(grains, caseId).GetWitnessCheckpoint(witness, from));

    private static async Task<Ok<CheckpointResponse>> Cosign(string caseId, string witness, CosignatureRequest body, IGrainFactory grains) =>
        TypedResults.Ok(await Ledger(grains, caseId).AddCosignature(witness, body.TreeSize, body.Cosignature));

    private static async Task<Ok<CheckpointResponse>> Refuse(string caseId, string witness, RefusalRequest body, IGrainFactory grains) =>
        TypedResults.Ok(await Ledger(grains, caseId).AddRefusal(witness, body.TreeSize, body.Reason, body.Signature));
}

/// <param name="Cosignature">The signature line "— &lt;witness&gt; &lt;base64&gt;" over the checkpoint of <paramref name="TreeSize"/>.</param>
public sealed record CosignatureRequest(long TreeSize, string Cosignature);

/// <param name="Signature">The witness's signature line over its refusal statement (casegrains-refusal/v1) for this reason.</param>
public sealed record RefusalRequest(long TreeSize, string Reason, string Signature);

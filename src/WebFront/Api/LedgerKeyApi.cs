using CaseGrains.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>The server's public ledger keys at stable URLs, for verifiers and witnesses to save once and trust.</summary>
public static class LedgerKeyApi
{
    public static IEndpointRouteBuilder MapLedgerKeyApi(this IEndpointRouteBuilder routes)
    {
        // The log's public key is public: anyone checks checkpoints and receipts with it.
        var keys = routes.MapGroup("/ledger").WithTags("Ledger").AllowAnonymous();
        keys.MapGet("/key", GetKey).WithName("GetLedgerKey")
            .WithSummary("The checkpoint verifier key (signed-note vkey) as one line of text: save it for casegrains-verify --key.");
        keys.MapGet("/keys", GetKeys).WithName("GetLedgerKeys").WithSummary("The log key, the origin prefix and the registered witnesses' keys.");
        return routes;
    }

    private static ContentHttpResult GetKey(ILedgerKeys keys) =>
        TypedResults.Text(keys.GetKeys().LogKey + "\n", "text/plain; charset=utf-8");

    private static Ok<LedgerKeysView> GetKeys(ILedgerKeys keys) => TypedResults.Ok(keys.GetKeys());
}

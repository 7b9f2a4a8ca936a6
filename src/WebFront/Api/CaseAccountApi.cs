using CaseGrains.CaseAccounts;
using CaseGrains.Claims;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace CaseGrains.WebFront.Api;

/// <summary>
/// The supervised case account (资金监管, 一案一账户). The case's judge opens it and sets (and later changes) its limits, and
/// decides on transfers over a limit; the case's administrator records deposits, requests transfers (and withdraws
/// those still waiting for the judge) and pays distributions; both
/// read it. Creditors never see the account; the case ledger shows its steps with account numbers masked.
/// A transfer that executed answers 200, one that waits for the judge 202.
/// </summary>
public static class CaseAccountApi
{
    public static IEndpointRouteBuilder MapCaseAccountApi(this IEndpointRouteBuilder routes)
    {
        var account = routes.MapGroup("/cases/{caseId}/account").WithTags("Case account");
        account.MapPut("/", Open).Allow(Policies.CaseJudge).WithName("OpenCaseAccount")
            .WithSummary("The case's judge registers the supervised account and sets its limits: per transfer, per day, cumulative (fen).");
        account.MapGet("/", Get).Allow(Policies.CaseStaff).WithName("GetCaseAccount")
            .WithSummary("Balance, money held for pending transfers, what was paid today and in all, the limits, and the transfers waiting for the judge.");
        account.MapPut("/limits", SetLimits).Allow(Policies.CaseJudge).WithName("SetAccountLimits")
            .WithSummary("The case's judge changes the limits (fen); transfers already waiting keep waiting for the judge. The administrator cannot change them.");
        account.MapPost("/deposits", Deposit).Allow(Policies.CaseAdministrator).WithName("RecordDeposit")
            .WithSummary("Money received (proceeds of an asset sale), with its source and the bank's reference.");
        account.MapGet("/deposits", Deposits).Allow(Policies.CaseStaff).WithName("ListDeposits");
        account.MapPost("/transfers", Transfer).Allow(Policies.CaseAdministrator).WithName("RequestTransfer")
            .WithSummary("Executes at once within every limit (200); over a limit it holds the amount and waits for the judge (202).");
        account.MapGet("/transfers", Transfers).Allow(Policies.CaseStaff).WithName("ListTransfers");
        account.MapGet("/transfers/{transferId}", GetTransfer).Allow(Policies.CaseStaff).WithName("GetTransfer");
        account.MapPost("/transfers/{transferId}/approval", Approve).Allow(Policies.CaseJudge).WithName("ApproveTransfer")
            .WithSummary("The case's judge approves a transfer over a limit; it executes at once.");
        account.MapPost("/transfers/{transferId}/rejection", Reject).Allow(Policies.CaseJudge).WithName("RejectTransfer")
            .WithSummary("The case's judge rejects a transfer over a limit, with the reason; the amount held is released.");
        account.MapPost("/transfers/{transferId}/cancellation", Cancel).Allow(Policies.CaseAdministrator).WithName("CancelTransfer")
            .WithSummary("The case's administrator withdraws a transfer while it waits for the judge; the amount held is released.");
        account.MapPost("/distributions", Distribute).Allow(Policies.CaseAdministrator).WithName("PayDistribution")
            .WithSummary("Pays a total pro rata to the confirmed claims of a class (or to shares listed by hand) as one batch under the same limits; once executed it records the case's distribution round.");
        account.MapPost("/distributions/preview", Preview).Allow(Policies.CaseAdministrator).WithName("PreviewDistribution")
            .WithSummary("The split a distribution would make and the limits it would exceed; changes nothing.");
        account.MapGet("/pending-approvals", Pending).Allow(Policies.CaseStaff).WithName("ListPendingApprovals")
            .WithSummary("Transfers of the case waiting for the judge, oldest first (empty while the account is not open).");
        return routes;
    }

    private static ICaseAccountGrain Account(IGrainFactory grains, string caseId) => grains.Get<ICaseAccountGrain>(Ids.Check(caseId, "caseId"));

    private static async Task<Created<CaseAccountView>> Open(string caseId, OpenCaseAccountRequest body, HttpContext http, IGrainFactory grains)
    {
        var view = await Account(grains, caseId).Open(new OpenCaseAccount(http.User.Actor(), body.AccountName, body.AccountNumber, body.BankName, body.Limits));
        return TypedResults.Created($"/api/cases/{caseId}/account", view);
    }

    private static async Task<Ok<CaseAccountView>> Get(string caseId, IGrainFactory grains) =>
        TypedResults.Ok(await Account(grains, caseId).Get());

    private static async Task<Ok<CaseAccountView>> SetLimits(string caseId, SetLimitsRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Account(grains, caseId).SetLimits(new SetAccountLimits(http.User.Actor(),
            new AccountLimits(body.PerTransferFen, body.PerDayFen, body.CumulativeFen), body.Reason)));

    private static async Task<Ok<DepositView>> Deposit(string caseId, DepositRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Account(grains, caseId).RecordDeposit(new RecordDeposit(http.User.Actor(), body.AmountFen, body.Source, body.Reference)));

    private static async Task<Ok<IReadOnlyList<DepositView>>> Deposits(string caseId, IGrainFactory grains) =>
        TypedResults.Ok(await Account(grains, caseId).GetDeposits());

    private static async Task<Results<Ok<TransferView>, Accepted<TransferView>>> Transfer(string caseId, TransferRequest body, HttpContext http, IGrainFactory grains) =>
        Answer(caseId, await Account(grains, caseId).RequestTransfer(new RequestTransfer(http.User.Actor(), body.Payee, body.AmountFen, body.Purpose)));

    private static async Task<Ok<IReadOnlyList<TransferView>>> Transfers(string caseId, IGrainFactory grains) =>
        TypedResults.Ok(await Account(grains, caseId).GetTransfers());

    private static async Task<Ok<TransferView>> GetTransfer(string caseId, string transferId, IGrainFactory grains) =>
        TypedResults.Ok(await Account(grains, caseId).GetTransfer(Ids.Check(transferId, "transferId")));

    private static async Task<Ok<TransferView>> Approve(string caseId, string transferId, ApprovalRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Account(grains, caseId).ApproveTransfer(new DecideTransfer(Ids.Check(transferId, "transferId"), http.User.Actor(), body.Reason)));

    private static async Task<Ok<TransferView>> Reject(string caseId, string transferId, RejectionRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Account(grains, caseId).RejectTransfer(new DecideTransfer(Ids.Check(transferId, "transferId"), http.User.Actor(), body.Reason)));

    private static async Task<Ok<TransferView>> Cancel(string caseId, string transferId, CancellationRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Account(grains, caseId).CancelTransfer(new CancelTransfer(Ids.Check(transferId, "transferId"), http.User.Actor(), body.Reason)));

    private static async Task<Results<Ok<TransferView>, Accepted<TransferView>>> Distribute(string caseId, DistributionRequest body, HttpContext http, IGrainFactory grains) =>
        Answer(caseId, await Account(grains, caseId).PayDistribution(body.For(http.User.Actor())));

    private static async Task<Ok<DistributionPreview>> Preview(string caseId, DistributionRequest body, HttpContext http, IGrainFactory grains) =>
        TypedResults.Ok(await Account(grains, caseId).PreviewDistribution(body.For(http.User.Actor())));

    private static async Task<Ok<IReadOnlyList<PendingApproval>>> Pending(string caseId, IGrainFactory grains) =>
        TypedResults.Ok(await Account(grains, caseId).GetPendingApprovals());

    private static Results<Ok<TransferView>, Accepted<TransferView>> Answer(string caseId, TransferView transfer) =>
        transfer.Status == TransferStatus.AwaitingApproval
            ? TypedResults.Accepted($"/api/cases/{caseId}/account/transfers/{transfer.TransferId}", transfer)
            : TypedResults.Ok(transfer);
}

/// <summary>The account the case's judge registers (the judge is the signed-in one).</summary>
public sealed record OpenCaseAccountRequest(string AccountName, string AccountNumber, string BankName, AccountLimits Limits);

/// <summary>The limits the signed-in judge sets (fen; 0 means every transfer needs the judge), with an optional reason.</summary>
public sealed record SetLimitsRequest(long PerTransferFen, long PerDayFen, long CumulativeFen, string? Reason = null);

/// <summary>The signed-in administrator's withdrawal of a waiting transfer, with an optional reason.</summary>
public sealed record CancellationRequest(string? Reason = null);

/// <summary>A deposit the signed-in administrator records.</summary>
public sealed record DepositRequest(long AmountFen, string Source, string Reference);

/// <summary>A transfer the signed-in administrator requests.</summary>
public sealed record TransferRequest(Payee Payee, long AmountFen, string Purpose);

/// <summary>A distribution the signed-in administrator pays: give <paramref name="Class"/> or <paramref name="Shares"/>.</summary>
public sealed record DistributionRequest(long TotalFen, string Purpose, ClaimClass? Class = null, IReadOnlyList<DistributionShare>? Shares = null, bool Final = false)
{
    public PayDistribution For(string administratorId) => new(administratorId, TotalFen, Purpose, Class, Shares, Final);
}

/// <summary>The signed-in judge's approval, with an optional note.</summary>
public sealed record ApprovalRequest(string? Reason = null);

/// <summary>The signed-in judge's rejection and its reason.</summary>
public sealed record RejectionRequest(string Reason);

using Microsoft.AspNetCore.Http;

namespace CaseGrains.WebFront.MachineApi;

/// <summary>The source department whose key signed the request, once the signature was verified.</summary>
public sealed record MachineCaller(string Department, string KeyId)
{
    /// <summary>The role the audit trail shows for a department's requests.</summary>
    public const string Role = "Department";

    private static readonly object ItemKey = new();

    /// <summary>The department as the audit trail names it: "dept-{code}", as its declarations name it too.</summary>
    public string Actor => $"dept-{Department}";

    /// <exception cref="InvalidOperationException">The endpoint is not behind <see cref="MachineRequestMiddleware"/>.</exception>
    public static MachineCaller Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var caller) && caller is MachineCaller c
            ? c
            : throw new InvalidOperationException("The request has no verified machine caller; is the endpoint marked as a machine endpoint?");

    /// <summary>The verified caller, or null before (or without) a verified signature.</summary>
    public static MachineCaller? Find(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var caller) ? caller as MachineCaller : null;

    internal void AttachTo(HttpContext context) => context.Items[ItemKey] = this;
}

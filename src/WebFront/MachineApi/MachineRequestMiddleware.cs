using System.Security.Cryptography;
using System.Text;
using CaseGrains.MachineApi.Signatures;
using CaseGrains.WebFront.Api;
using CaseGrains.WebFront.MachineApi.Idempotency;
using CaseGrains.WebFront.MachineApi.Keys;
using CaseGrains.WebFront.MachineApi.Replay;
using CaseGrains.WebFront.Problems;
using CaseGrains.WebFront.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseGrains.WebFront.MachineApi;

/// <summary>
/// Guards the endpoints marked <see cref="MachineEndpoint"/>:
/// <list type="number">
/// <item>a request without Signature and Signature-Input is 401;</item>
/// <item>a write without an Idempotency-Key is 400;</item>
/// <item>before any of the body is read, the signature fields are checked: well formed, covering @method,
/// @target-uri, content-digest and, for a write, idempotency-key, with a nonce, created within the skew window and a
/// key id the server knows; so an unsigned or wrongly signed request costs no upload;</item>
/// <item>reads the body (at most MachineApi:MaxBodyBytes) and verifies the RFC 9421 hmac-sha256 signature over it
/// (Content-Digest, HMAC), the target URI built from the raw request target; a revoked key is refused, telling the
/// key's holder only once the signature shows that it is the holder;</item>
/// <item>records the nonce, refusing one used before with the key;</item>
/// <item>for a write, applies the Idempotency-Key (IETF httpapi draft): the first request with a key runs and its
/// response is kept; the same request again gets that response; the key with another request is 422; a retry while
/// the first runs is 409.</item>
/// </list>
/// Every refusal is a problem document (401 for signatures) naming what failed. The audit trail gets machine requests
/// from here, under the department whose key signed them once the signature is verified (anonymous before).
/// </summary>
public sealed partial class MachineRequestMiddleware(
    RequestDelegate next,
    IOptions<MachineApiOptions> options,
    TimeProvider clock,
    ILogger<MachineRequestMiddleware> logger)
{
    private const string AcceptSignature =
        "sig1=(\"@method\" \"@target-uri\" \"content-digest\" \"idempotency-key\");created;nonce;keyid;alg=\"hmac-sha256\"";

    private const int MaxNonceLength = 128;

    private readonly MachineApiOptions settings = options.Value;

    public async Task InvokeAsync(
        HttpContext context, IDepartmentKeyStore keys, ISignatureNonceStore nonces, IIdempotencyStore idempotency, IProblemDetailsService problems,
        IAuditLog audit)
    {
        var endpoint = context.GetEndpoint()?.Metadata.GetMetadata<MachineEndpoint>();
        if (endpoint is null)
        {
            await next(context);
            return;
        }

        try
        {
            await GuardAsync(context, keys, nonces, idempotency, problems);
        }
        catch (Exception e)
        {
            // The exception handler writes the answer later; the trail gets the status it will write.
            Audit(context, audit, ProblemExceptionHandler.ToProblem(e).Status ?? StatusCodes.Status500InternalServerError);
            throw;
        }
        Audit(context, audit, context.Response.StatusCode);
    }

    private async Task GuardAsync(
        HttpContext context, IDepartmentKeyStore keys, ISignatureNonceStore nonces, IIdempotencyStore idempotency, IProblemDetailsService problems)
    {
        var write = MachineEndpoint.IsWrite(context.Request.Method);
        var cancellationToken = context.RequestAborted;

        // A request that is not signed at all comes from nobody: refused as such, before anything it says is looked at.
        if (!context.Request.Headers.ContainsKey("Signature") || !context.Request.Headers.ContainsKey("Signature-Input"))
        {
            await RefuseSignatureAsync(context, problems, SignatureCheck.MissingHeader,
                "machine requests are signed (RFC 9421, hmac-sha256); this one carries no Signature and Signature-Input");
            return;
        }

        string? idempotencyKey = null;
        if (write)
        {
            var fields = context.Request.Headers[IdempotencyKeyHeader.Name];
            if (fields.Count == 0)
            {
                await RefuseAsync(context, problems, StatusCodes.Status400BadRequest, "idempotencyKey",
                    "Every write takes an Idempotency-Key header (a quoted string, e.g. a UUID), so that it can be retried safely.");
                return;
            }
            idempotencyKey = IdempotencyKeyHeader.Parse(fields.Count == 1 ? fields[0] : null, out var keyProblem);
            if (idempotencyKey is null)
            {
                await RefuseAsync(context, problems, StatusCodes.Status400BadRequest, "idempotencyKey", fields.Count == 1 ? keyProblem : "Send one Idempotency-Key.");
                return;
            }
        }

        var verifier = Verifier(write);
        var key = await CheckFieldsAsync(context, verifier, keys, problems, cancellationToken);
        if (key is null) return;

        var body = await BoundedBody.ReadAsync(context.Request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            await RefuseAsync(context, problems, StatusCodes.Status413PayloadTooLarge, "body", $"The body is larger than {settings.MaxBodyBytes} bytes.");
            return;
        }
        context.Request.Body = new MemoryStream(body, writable: false);

        var caller = await VerifyAsync(context, verifier, key, body, nonces, problems, cancellationToken);
        if (caller is null) return;
        caller.AttachTo(context);

        if (idempotencyKey is null)
        {
            await next(context);
            return;
        }

        var fingerprint = Fingerprint(context, body);
        var begin = await idempotency.BeginAsync(caller.Department, idempotencyKey, fingerprint, settings.InFlightTimeout, settings.IdempotencyKeyLifetime, cancellationToken);
        switch (begin.State)
        {
            case IdempotencyState.Replay:
                await ReplayAsync(context, begin.FirstResponse!);
                return;
            case IdempotencyState.InFlight:
                await RefuseAsync(context, problems, StatusCodes.Status409Conflict, "idempotencyKey",
                    "A request with this Idempotency-Key is still being processed; retry after it has finished.");
                return;
            case IdempotencyState.Mismatch:
                await RefuseAsync(context, problems, StatusCodes.Status422UnprocessableEntity, "idempotencyKey",
                    "This Idempotency-Key was used for a different request (another body or target); use a new key for a new request.");
                return;
        }

        StoredResponse first;
        try
        {
            first = await RunAndKeepAsync(context, problems);
        }
        catch
        {
            // A failure on the server may still have had its effect, so the key stays taken until InFlightTimeout: a
            // retry gets 409 until then instead of possibly doing the work twice.
            LogLeftInFlight(logger, caller.Department, context.Request.Path);
            throw;
        }
        // The department's rate limit refused it before it ran: the key is let go, so that a retry later runs the request.
        if (first.Status == StatusCodes.Status429TooManyRequests) await idempotency.ReleaseAsync(caller.Department, idempotencyKey, CancellationToken.None);
        else if (first.Status < 500) await idempotency.CompleteAsync(caller.Department, idempotencyKey, first, CancellationToken.None);
        else LogLeftInFlight(logger, caller.Department, context.Request.Path);
        await WriteAsync(context, first);
    }

    private HttpSignatureVerifier Verifier(bool write)
    {
        var required = write
            ? new[] { SignatureComponents.Method, SignatureComponents.TargetUri, SignatureComponents.ContentDigest, SignatureComponents.IdempotencyKey }
            : [SignatureComponents.Method, SignatureComponents.TargetUri, SignatureComponents.ContentDigest];
        return new HttpSignatureVerifier(clock, new SignatureVerifierOptions(required, settings.MaxClockSkew));
    }

    /// <summary>
    /// What can be checked from the header fields alone, before the body is read: the signature fields, the created
    /// time, the nonce's length and that the key id is one the server issued. The key, or null when refused.
    /// </summary>
    private async Task<DepartmentKey?> CheckFieldsAsync(
        HttpContext context, HttpSignatureVerifier verifier, IDepartmentKeyStore keys, IProblemDetailsService problems, CancellationToken cancellationToken)
    {
        var fields = verifier.CheckFields(Signable(context, ReadOnlyMemory<byte>.Empty));
        if (!fields.IsValid)
        {
            await RefuseSignatureAsync(context, problems, fields.Check, fields.Detail);
            return null;
        }
        if (fields.Nonce is not { Length: > 0 and <= MaxNonceLength })
        {
            await RefuseSignatureAsync(context, problems, SignatureCheck.MissingParameter, $"the nonce must be 1 to {MaxNonceLength} characters");
            return null;
        }
        var key = await keys.FindAsync(fields.KeyId!, cancellationToken);
        if (key is null)
        {
            await RefuseSignatureAsync(context, problems, SignatureCheck.UnknownKey, $"no key is known as \"{fields.KeyId}\"");
            return null;
        }
        return key;
    }

    /// <summary>The signature over the body, then revocation and the nonce: the verified caller, or null when refused.</summary>
    private async Task<MachineCaller?> VerifyAsync(
        HttpContext context, HttpSignatureVerifier verifier, DepartmentKey key, byte[] body, ISignatureNonceStore nonces, IProblemDetailsService problems,
        CancellationToken cancellationToken)
    {
        var verdict = verifier.Verify(Signable(context, body), id => id == key.KeyId ? key.Secret : null);
        if (!verdict.IsValid)
        {
            await RefuseSignatureAsync(context, problems, verdict.Check, verdict.Detail);
            return null;
        }
        // From here on the request is the department's: even a refusal is audited under it.
        var caller = new MachineCaller(key.Department, key.KeyId);
        if (key.Revoked)
        {
            LogRevokedKeyUsed(logger, key.Department, key.KeyId);
            caller.AttachTo(context);
            await RefuseSignatureAsync(context, problems, SignatureCheck.UnknownKey, $"key \"{key.KeyId}\" was revoked on {key.RevokedAt:O}");
            return null;
        }
        // Kept as long as a signature with this created time could pass the skew check, plus a margin.
        var keepUntil = verdict.Created!.Value + settings.MaxClockSkew + TimeSpan.FromMinutes(1);
        if (!await nonces.TryUseAsync(key.KeyId, verdict.Nonce!, keepUntil, cancellationToken))
        {
            caller.AttachTo(context);
            await RefuseSignatureAsync(context, problems, null, "the nonce was used before with this key: a request is signed afresh, with a new nonce, every time it is sent");
            return null;
        }
        return caller;
    }

    /// <summary>
    /// Every machine write and every refused machine request, like <see cref="AuditMiddleware"/> for people: the actor is
    /// the department once its signature is verified, also when the request is refused after that.
    /// </summary>
    private void Audit(HttpContext context, IAuditLog audit, int status)
    {
        if (!AuditMiddleware.IsAudited(context.Request.Method, status)) return;
        var denied = status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden;
        var caller = MachineCaller.Find(context);
        var detail = caller is null ? (denied ? "denied" : null) : denied ? $"denied; key {caller.KeyId}" : $"key {caller.KeyId}";
        audit.Record(AuditMiddleware.Entry(context, clock.GetUtcNow(), caller?.Actor ?? CaseGrainsClaims.AnonymousActor, caller is null ? null : MachineCaller.Role,
            status, detail));
    }

    /// <summary>
    /// The request as it was signed: the target URI from the scheme, the Host field and the raw request target, which
    /// is what went over the wire, never the decoded path.
    /// </summary>
    private static SignableRequest Signable(HttpContext context, ReadOnlyMemory<byte> body)
    {
        var request = context.Request;
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (string.IsNullOrEmpty(rawTarget)) rawTarget = $"{request.PathBase}{request.Path}{request.QueryString}";
        var target = rawTarget.StartsWith('/') ? $"{request.Scheme}://{request.Host.Value}{rawTarget}" : rawTarget;
        var headers = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in request.Headers)
            foreach (var value in values)
                if (value is not null) headers.Add(new(name, value));
        return new SignableRequest(request.Method, new Uri(target, UriKind.Absolute), headers, body);
    }

    private static byte[] Fingerprint(HttpContext context, byte[] body)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{context.Request.Method}\n{rawTarget}\n"));
        hash.AppendData(body);
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// Runs the endpoint with its response captured. A refusal (4xx) is written as a problem document and kept like any
    /// answer; a failure on the server is left to the exception handler.
    /// </summary>
    private async Task<StoredResponse> RunAndKeepAsync(HttpContext context, IProblemDetailsService problems)
    {
        var response = context.Response;
        var original = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        try
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (ProblemExceptionHandler.ToProblem(e) is { Status: < 500 } problem)
            {
                response.Clear();
                response.StatusCode = problem.Status!.Value;
                await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = e });
            }
        }
        finally
        {
            response.Body = original;
        }
        return new StoredResponse(response.StatusCode, response.ContentType, response.Headers.Location.ToString() is { Length: > 0 } l ? l : null, buffer.ToArray());
    }

    private static async Task ReplayAsync(HttpContext context, StoredResponse first)
    {
        context.Response.Headers["Idempotent-Replayed"] = "true";
        await WriteAsync(context, first);
    }

    private static async Task WriteAsync(HttpContext context, StoredResponse response)
    {
        context.Response.StatusCode = response.Status;
        if (response.ContentType is not null) context.Response.ContentType = response.ContentType;
        if (response.Location is not null) context.Response.Headers.Location = response.Location;
        context.Response.ContentLength = response.Body.Length;
        await context.Response.Body.WriteAsync(response.Body, CancellationToken.None);
    }

    private static async Task RefuseSignatureAsync(HttpContext context, IProblemDetailsService problems, SignatureCheck? check, string detail)
    {
        context.Response.Headers["Accept-Signature"] = AcceptSignature;
        await RefuseAsync(context, problems, StatusCodes.Status401Unauthorized, "signature", detail,
            check is { } c ? System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(c.ToString()) : "replayedNonce");
    }

    private static async Task RefuseAsync(HttpContext context, IProblemDetailsService problems, int status, string field, string reason, string? check = null)
    {
        var problem = new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [reason] })
        {
            Status = status,
            Title = status switch
            {
                StatusCodes.Status401Unauthorized => "The request's signature is not accepted.",
                StatusCodes.Status409Conflict => "Not possible now.",
                StatusCodes.Status413PayloadTooLarge => "The request body is too large.",
                StatusCodes.Status422UnprocessableEntity => "The Idempotency-Key does not fit this request.",
                _ => "The request is not valid.",
            },
            Detail = $"{field}: {reason}",
        };
        if (check is not null) problem.Extensions["check"] = check;
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    [LoggerMessage(LogLevel.Warning, "Department {Department} signed a request with revoked key {KeyId}")]
    private static partial void LogRevokedKeyUsed(ILogger logger, string department, string keyId);

    [LoggerMessage(LogLevel.Warning, "A machine request of department {Department} to {Path} failed on the server; its Idempotency-Key stays taken until it times out")]
    private static partial void LogLeftInFlight(ILogger logger, string department, string path);
}

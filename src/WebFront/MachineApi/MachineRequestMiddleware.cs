using System.Security.Cryptography;
using System.Text;
using CaseGrains.MachineApi.Signatures;
using CaseGrains.WebFront.MachineApi.Idempotency;
using CaseGrains.WebFront.MachineApi.Keys;
using CaseGrains.WebFront.MachineApi.Replay;
using CaseGrains.WebFront.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseGrains.WebFront.MachineApi;

/// <summary>
/// Guards the endpoints marked <see cref="MachineEndpoint"/>:
/// <list type="number">
/// <item>reads the body (at most MachineApi:MaxBodyBytes);</item>
/// <item>a write without an Idempotency-Key is 400;</item>
/// <item>verifies the RFC 9421 hmac-sha256 signature over @method, @target-uri (built from the raw request target),
/// content-digest and, for a write, idempotency-key, with created within the skew window; an unknown or revoked
/// key is refused;</item>
/// <item>records the nonce, refusing one used before with the key;</item>
/// <item>for a write, applies the Idempotency-Key (IETF httpapi draft): the first request with a key runs and its
/// response is kept; the same request again gets that response; the key with another request is 422; a retry while
/// the first runs is 409.</item>
/// </list>
/// Every refusal is a problem document (401 for signatures) naming what failed.
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
        HttpContext context, IDepartmentKeyStore keys, ISignatureNonceStore nonces, IIdempotencyStore idempotency, IProblemDetailsService problems)
    {
        var endpoint = context.GetEndpoint()?.Metadata.GetMetadata<MachineEndpoint>();
        if (endpoint is null)
        {
            await next(context);
            return;
        }

        var write = MachineEndpoint.IsWrite(context.Request.Method);
        var cancellationToken = context.RequestAborted;
        var body = await ReadBodyAsync(context.Request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            await RefuseAsync(context, problems, StatusCodes.Status413PayloadTooLarge, "body", $"The body is larger than {settings.MaxBodyBytes} bytes.");
            return;
        }
        context.Request.Body = new MemoryStream(body, writable: false);

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

        var caller = await VerifyAsync(context, body, write, keys, nonces, problems, cancellationToken);
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

    private async Task<MachineCaller?> VerifyAsync(
        HttpContext context, byte[] body, bool write, IDepartmentKeyStore keys, ISignatureNonceStore nonces, IProblemDetailsService problems,
        CancellationToken cancellationToken)
    {
        var request = Signable(context, body);
        var required = write
            ? new[] { SignatureComponents.Method, SignatureComponents.TargetUri, SignatureComponents.ContentDigest, SignatureComponents.IdempotencyKey }
            : [SignatureComponents.Method, SignatureComponents.TargetUri, SignatureComponents.ContentDigest];
        var verifier = new HttpSignatureVerifier(clock, new SignatureVerifierOptions(required, settings.MaxClockSkew));

        // The verifier asks for the secret synchronously; the first pass reads the key id, the store is asked, then the real pass runs.
        var probe = verifier.Verify(request, _ => null);
        if (probe.Check != SignatureCheck.UnknownKey || probe.KeyId is null)
        {
            await RefuseSignatureAsync(context, problems, probe.Check, probe.Detail);
            return null;
        }
        var key = await keys.FindAsync(probe.KeyId, cancellationToken);
        if (key is null)
        {
            await RefuseSignatureAsync(context, problems, SignatureCheck.UnknownKey, probe.Detail);
            return null;
        }
        var verdict = verifier.Verify(request, id => id == key.KeyId ? key.Secret : null);
        if (!verdict.IsValid)
        {
            await RefuseSignatureAsync(context, problems, verdict.Check, verdict.Detail);
            return null;
        }
        if (key.Revoked)
        {
            LogRevokedKeyUsed(logger, key.Department, key.KeyId);
            await RefuseSignatureAsync(context, problems, SignatureCheck.UnknownKey, $"key \"{key.KeyId}\" was revoked on {key.RevokedAt:O}");
            return null;
        }
        if (verdict.Nonce is not { Length: > 0 and <= MaxNonceLength } nonce)
        {
            await RefuseSignatureAsync(context, problems, SignatureCheck.MissingParameter, $"the nonce must be 1 to {MaxNonceLength} characters");
            return null;
        }
        // Kept as long as a signature with this created time could pass the skew check, plus a margin.
        var keepUntil = verdict.Created!.Value + settings.MaxClockSkew + TimeSpan.FromMinutes(1);
        if (!await nonces.TryUseAsync(key.KeyId, nonce, keepUntil, cancellationToken))
        {
            await RefuseSignatureAsync(context, problems, null, "the nonce was used before with this key: a request is signed afresh, with a new nonce, every time it is sent");
            return null;
        }
        return new MachineCaller(key.Department, key.KeyId);
    }

    /// <summary>
    /// The request as it was signed: the target URI from the scheme, the Host field and the raw request target, which
    /// is what went over the wire, never the decoded path.
    /// </summary>
    private static SignableRequest Signable(HttpContext context, byte[] body)
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

    /// <summary>The whole body, or null when it is longer than <paramref name="limit"/>.</summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit) return null;
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(LogLevel.Warning, "Department {Department} signed a request with revoked key {KeyId}")]
    private static partial void LogRevokedKeyUsed(ILogger logger, string department, string keyId);

    [LoggerMessage(LogLevel.Warning, "A machine request of department {Department} to {Path} failed on the server; its Idempotency-Key stays taken until it times out")]
    private static partial void LogLeftInFlight(ILogger logger, string department, string path);
}

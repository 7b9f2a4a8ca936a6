using System.Text.Json;
using CaseGrains.MachineApi.Signatures;
using CaseGrains.WebFront.MachineApi.Keys;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CaseGrains.WebFront.MachineApi.Callbacks;

/// <summary>
/// Pushes each department's notices to its registered URL, in feed order, as a POST signed with the department's
/// newest key (RFC 9421 hmac-sha256 over @method, @target-uri, content-digest and idempotency-key). A notice is sent
/// until the department answers 2xx, waiting after each failure twice as long as after the one before (from
/// MachineApi:CallbackFirstRetryDelay up to CallbackMaxRetryDelay); after CallbackMaxAttempts it is given up on and
/// stays in the pull feed. Every attempt is recorded. The Idempotency-Key "{department}:{position}" stays the same
/// across attempts, so a department that answered 2xx but whose answer was lost can tell a notice it already has.
/// </summary>
public sealed partial class CallbackDispatcher(
    ICallbackStore store,
    IDepartmentKeyStore keys,
    IHttpClientFactory httpClients,
    IOptions<MachineApiOptions> options,
    TimeProvider clock,
    ILogger<CallbackDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "department-callbacks";

    private static readonly JsonSerializerOptions Json = CreateJson();
    private readonly MachineApiOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lease = settings.CallbackTimeout * 3;
        while (!stoppingToken.IsCancellationRequested)
        {
            CallbackWork? work = null;
            try
            {
                work = await store.LeaseNextAsync(lease, stoppingToken);
                if (work is not null) await DeliverAsync(work, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogLoopFailed(logger, e);
            }

            if (work is null)
            {
                try
                {
                    await Task.Delay(settings.CallbackPollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Sends one notice and records how it went.</summary>
    public async Task DeliverAsync(CallbackWork work, CancellationToken cancellationToken)
    {
        int? status = null;
        string? error = null;
        var key = await keys.FindSigningKeyAsync(work.Department, cancellationToken);
        if (key is null)
        {
            error = "the department has no key that is not revoked to sign with";
        }
        else
        {
            (status, error) = await SendAsync(work, key, cancellationToken);
        }

        var delivered = status is >= 200 and < 300;
        var outcome = delivered ? CallbackOutcome.Delivered
            : work.Attempt >= settings.CallbackMaxAttempts ? CallbackOutcome.Abandoned
            : CallbackOutcome.Failed;
        DateTimeOffset? next = outcome == CallbackOutcome.Failed ? clock.GetUtcNow() + Backoff(work.Attempt) : null;
        await store.RecordAsync(work, outcome, status, error, next, CancellationToken.None);
        switch (outcome)
        {
            case CallbackOutcome.Delivered:
                LogDelivered(logger, work.Department, work.Notice.Position, work.Attempt);
                break;
            case CallbackOutcome.Abandoned:
                LogAbandoned(logger, work.Department, work.Notice.Position, work.Attempt);
                break;
            default:
                LogFailed(logger, work.Department, work.Notice.Position, work.Attempt, status, error);
                break;
        }
    }

    /// <summary>How long to wait after failed attempt <paramref name="attempt"/> (1 for the first).</summary>
    public TimeSpan Backoff(int attempt)
    {
        var delay = settings.CallbackFirstRetryDelay;
        for (var i = 1; i < attempt && delay < settings.CallbackMaxRetryDelay; i++) delay *= 2;
        return delay < settings.CallbackMaxRetryDelay ? delay : settings.CallbackMaxRetryDelay;
    }

    private async Task<(int? Status, string? Error)> SendAsync(CallbackWork work, DepartmentKey key, CancellationToken cancellationToken)
    {
        var notice = work.Notice;
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new CallbackEnvelope(work.Department, notice.Position, notice.Kind, notice.CaseId, notice.RecordedAt, notice.Data), Json);
        var idempotencyKey = StructuredFields.SerializeString($"{work.Department}:{notice.Position}");
        var signed = RequestSigner.Sign("POST", work.Url, body, idempotencyKey, key.KeyId, key.Secret, clock.GetUtcNow(), RequestSigner.NewNonce());

        using var request = new HttpRequestMessage(HttpMethod.Post, work.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in signed.ToHeaders()) request.Headers.TryAddWithoutValidation(name, value);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.CallbackTimeout);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return ((int)response.StatusCode, response.IsSuccessStatusCode ? null : $"answered {(int)response.StatusCode}");
        }
        catch (HttpRequestException e)
        {
            return (null, e.HttpRequestError == HttpRequestError.Unknown ? "the request failed" : $"the request failed: {e.HttpRequestError}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"no answer within {settings.CallbackTimeout.TotalSeconds:0} s");
        }
    }

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        WebFrontExtensions.ConfigureJson(json);
        return json;
    }

    [LoggerMessage(LogLevel.Information, "Delivered notice {Position} to department {Department} at attempt {Attempt}")]
    private static partial void LogDelivered(ILogger logger, string department, long position, int attempt);

    [LoggerMessage(LogLevel.Warning, "Delivering notice {Position} to department {Department} failed at attempt {Attempt} ({Status}: {Error})")]
    private static partial void LogFailed(ILogger logger, string department, long position, int attempt, int? status, string? error);

    [LoggerMessage(LogLevel.Error, "Gave up delivering notice {Position} to department {Department} after {Attempt} attempts; it stays in the feed")]
    private static partial void LogAbandoned(ILogger logger, string department, long position, int attempt);

    [LoggerMessage(LogLevel.Error, "The callback sender failed; it carries on")]
    private static partial void LogLoopFailed(ILogger logger, Exception e);
}

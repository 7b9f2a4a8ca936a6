using System.Text.Json;
using CaseGrains.Runtime;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;

namespace CaseGrains.WebFront.Problems;

/// <summary>
/// Turns refusals into RFC 9457 problem details naming the field and the reason. Unexpected failures become a plain
/// 500 with no stack trace; the details go to the log only.
/// </summary>
public sealed partial class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem.Status >= 500) LogUnexpected(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        RuleViolationException v => Refusal(v),
        BadHttpRequestException { InnerException: JsonException json } => FromJson(json),
        BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge, Title = "The request body is too large.",
        },
        BadHttpRequestException bad => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "The request is malformed.", Detail = bad.Message },
        GrainCallTimeoutException => new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "The server is busy; try again." },
        _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Something went wrong on the server." },
    };

    private static ProblemDetails Refusal(RuleViolationException v)
    {
        var status = v.Kind switch
        {
            RuleViolation.NotFound => StatusCodes.Status404NotFound,
            RuleViolation.Conflict => StatusCodes.Status409Conflict,
            RuleViolation.NotAllowed => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        var problem = Invalid(v.Field, v.Message);
        problem.Status = status;
        problem.Title = status switch
        {
            StatusCodes.Status404NotFound => "Not found.",
            StatusCodes.Status409Conflict => "Not possible now.",
            StatusCodes.Status403Forbidden => "Not allowed.",
            _ => "The request is not valid.",
        };
        return problem;
    }

    private static ValidationProblemDetails Invalid(string field, string reason) => new(new Dictionary<string, string[]> { [field] = [reason] })
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request is not valid.",
        Detail = string.IsNullOrEmpty(field) ? reason : $"{field}: {reason}",
    };

    private static ValidationProblemDetails FromJson(JsonException json)
    {
        // A missing required member is reported at the object, with the member's name only in the message.
        var missing = MissingMember().Match(json.Message);
        return missing.Success
            ? Invalid(string.IsNullOrEmpty(json.Path) || json.Path == "$" ? missing.Groups[1].Value : $"{FieldOf(json.Path)}.{missing.Groups[1].Value}", "The value is required.")
            : Invalid(FieldOf(json.Path), json.Path is null ? "The body is not well-formed JSON." : "The value is not of the right type.");
    }

    [System.Text.RegularExpressions.GeneratedRegex("missing required properties including: '([^']+)'")]
    private static partial System.Text.RegularExpressions.Regex MissingMember();

    /// <summary>"$.claim.principalFen" becomes "claim.principalFen"; the body itself is "body".</summary>
    private static string FieldOf(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    [LoggerMessage(LogLevel.Error, "Unexpected failure in {Method} {Path}")]
    private static partial void LogUnexpected(ILogger logger, Exception e, string method, string path);
}

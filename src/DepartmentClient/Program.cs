using CaseGrains.DepartmentClient;

// Declares a tax claim into a case, the way a tax bureau's system would:
//   CASEGRAINS_URL=http://127.0.0.1:5080 CASEGRAINS_KEY_ID=... CASEGRAINS_SECRET=... casegrains-department-client <caseId> [acceptance yyyy-MM-dd]
// Then prints the department's feed of review results.

if (args.Length is < 1 or > 2)
{
    Console.Error.WriteLine("usage: casegrains-department-client <caseId> [acceptance date yyyy-MM-dd]");
    return 2;
}

var baseUrl = Environment.GetEnvironmentVariable("CASEGRAINS_URL") ?? "http://127.0.0.1:5080";
var keyId = Environment.GetEnvironmentVariable("CASEGRAINS_KEY_ID");
var secret = Environment.GetEnvironmentVariable("CASEGRAINS_SECRET");
if (string.IsNullOrEmpty(keyId) || string.IsNullOrEmpty(secret))
{
    Console.Error.WriteLine("Set CASEGRAINS_KEY_ID and CASEGRAINS_SECRET to the key the platform issued.");
    return 2;
}

var caseId = args[0];
var acceptance = args.Length > 1 ? DateOnly.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : DateOnly.FromDateTime(DateTime.UtcNow);
using var http = new HttpClient { BaseAddress = new Uri(baseUrl.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
var client = new DepartmentApiClient(http, keyId, DepartmentApiClient.DecodeSecret(secret));

var declaration = new TaxDeclaration(
[
    new TaxLine("taxPrincipal", "增值税", "2025-12", 1_234_567_00),
    new TaxLine("surcharge", "教育费附加", "2025-12", 37_037_01),
    new TaxLine("lateFee", "增值税", "2025-12", 98_765_43, acceptance),
], Reference: $"TAX-{Guid.NewGuid():N}"[..16]);

// One key for this declaration, kept across retries: the platform runs it once and answers every retry with the first answer.
var idempotencyKey = DepartmentApiClient.NewIdempotencyKey();
for (var attempt = 1; ; attempt++)
{
    try
    {
        using var response = await client.DeclareTaxClaimAsync(caseId, declaration, idempotencyKey);
        Console.WriteLine($"{(int)response.StatusCode} {response.ReasonPhrase}");
        Console.WriteLine(await response.Content.ReadAsStringAsync());
        // 409: the first attempt is still running; wait and send the same request again.
        if ((int)response.StatusCode == 409 && attempt < 5)
        {
            await Task.Delay(TimeSpan.FromSeconds(attempt));
            continue;
        }
        if (!response.IsSuccessStatusCode) return 1;
        break;
    }
    catch (Exception e) when ((e is HttpRequestException or TaskCanceledException) && attempt < 5)
    {
        // The answer was lost: the same request, with the same key, is safe to send again.
        Console.Error.WriteLine($"attempt {attempt} failed ({e.Message}); retrying with the same Idempotency-Key");
        await Task.Delay(TimeSpan.FromSeconds(attempt));
    }
}

using var feed = await client.ReadFeedAsync();
Console.WriteLine(await feed.Content.ReadAsStringAsync());
return 0;

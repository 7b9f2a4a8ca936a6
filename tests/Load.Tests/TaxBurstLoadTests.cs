using CaseGrains.Load.Departments;
using CaseGrains.Load.Reporting;
using CaseGrains.Load.Targets;
using CaseGrains.Testing;

namespace CaseGrains.Load.Tests;

/// <summary>
/// The tax-burst load scenario, short: departments declare through the signed machine API into a few cases, and half
/// of the acknowledged declarations are sent again with their Idempotency-Key as if the answer had been lost.
/// Correctness only: every acknowledged claim is stored once, and every resend gets the first claim back.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TaxBurstLoadTests(PostgresServer postgres)
{
    [Fact]
    public async Task Departments_declare_for_seconds_and_resend_half_their_declarations_each_claim_is_stored_once_and_resends_get_it_back()
    {
        var database = await postgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?>();
        await using var server = await ServerHost.StartAsync(database, settings);
        var target = LoadTarget.Existing(server, People.AdminPassword, database);
        var run = new ServerRun { Label = "test", Target = target.Description, ServerSettings = settings };

        var outcome = await new TaxBurstRun(target, new TaxBurstOptions
        {
            Departments = 2,
            Cases = 3,
            Rate = 60,
            DurationSeconds = 2,
            ResendFraction = 0.5,
            ConnectionsPerDepartment = 4,
        }, TextWriter.Null).RunAsync(run);

        RunChecks.AllPassed(run);
        var steps = run.Scenarios.Single().Steps;
        var declared = steps.Single(s => s.Name == TaxBurstRun.DeclareStep);
        Assert.Equal(0, declared.Failed);
        Assert.Equal(declared.Ok, outcome.Acknowledged);
        Assert.Equal(0, outcome.Missing);
        Assert.Equal(0, outcome.Duplicates);
        // Half of about 120 acknowledged declarations: none sent again would mean the resend path never ran.
        Assert.InRange(outcome.Resent, 1, outcome.Acknowledged);
        Assert.Equal(outcome.Resent, steps.Single(s => s.Name == TaxBurstRun.ResendStep).Ok);
        Assert.Equal(0, outcome.ResentOtherClaim);
    }
}

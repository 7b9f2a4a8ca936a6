using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using CaseGrains.Meetings;

namespace CaseGrains.Load.Benchmarks;

/// <summary>
/// How long a meeting of 100,000 creditors with 100,000 ballots takes to come back from PostgreSQL: the meeting is
/// deactivated before each iteration and its first call after that is timed (read every fact, rebuild roll and tally).
/// Also the cost of a ballot through the grain, committed, on that meeting.
/// </summary>
[Config(typeof(InProcessMonitoring))]
[MemoryDiagnoser]
public class MeetingActivationBenchmarks
{
    private const int BallotsPerInvoke = 10_000;
    private SeededMeeting seeded = null!;
    private IMeetingGrain meeting = null!;
    private int round;

    [GlobalSetup]
    public void Setup()
    {
        seeded = SeededMeeting.GetAsync().GetAwaiter().GetResult();
        meeting = seeded.Grains.Get<IMeetingGrain>(SeededMeeting.MeetingId);
    }

    [IterationSetup(Target = nameof(Activate))]
    public void Deactivate() => seeded.DeactivateAllAsync().GetAwaiter().GetResult();

    /// <summary>One activation of the meeting from its stored rows.</summary>
    [Benchmark]
    public async Task<int> Activate() => (await meeting.Get()).Resolutions[0].Tally!.VotesRecorded;

    /// <summary>Changed ballots from 256 concurrent callers, each acknowledged after its group commit; per ballot.</summary>
    [Benchmark(OperationsPerInvoke = BallotsPerInvoke)]
    public async Task CastCommittedBallot()
    {
        var shift = ++round;
        await Parallel.ForEachAsync(Enumerable.Range(0, BallotsPerInvoke), new ParallelOptions { MaxDegreeOfParallelism = 256 }, async (i, _) =>
        {
            var creditor = (i * 10 + shift) % SeededMeeting.Creditors;
            await meeting.CastBallot(new CastBallot("r1", SeededMeeting.Creditor(creditor), SeededMeeting.ChoiceOf(creditor + shift)));
        });
    }
}

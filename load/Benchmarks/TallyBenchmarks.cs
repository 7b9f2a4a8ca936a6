using BenchmarkDotNet.Attributes;
using CaseGrains.Claims;
using CaseGrains.Meetings.Voting;

namespace CaseGrains.Load.Benchmarks;

/// <summary>
/// The vote-counting engine alone on a roll of 100,000 creditors: recording a ballot (each one changing the tally),
/// and the live view and the explained evaluation that follow a committed batch.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class TallyBenchmarks
{
    private const int Voters = 100_000;
    private Tally tally = null!;
    private string[] ids = null!;
    private int shift;

    [Params(ResolutionKind.Ordinary, ResolutionKind.ReorganizationPlan)]
    public ResolutionKind Kind { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var voters = new Voter[Voters];
        for (var i = 0; i < Voters; i++)
        {
            VoterClaim[] claims = i % 10 == 0
                ? [new($"c{i}a", ClaimClass.Ordinary, 5_000_000 + i, 2_000_000, false, true, null), new($"c{i}b", ClaimClass.SocialInsuranceAndTax, 30_000, 0, false, true, null)]
                : [new($"c{i}a", ClaimClass.Ordinary, 10_000 + i * 7L, 0, false, true, null)];
            voters[i] = new Voter($"cr{i:D6}", claims);
        }
        tally = new Tally(VotingRoll.Create(voters, smallAmountThresholdFen: 50_000), Kind, VotingRuleSet.PrcEbl);
        ids = [.. voters.Select(v => v.CreditorId)];
        RecordEveryVoter();
    }

    /// <summary>Every voter votes again with another choice than before; per ballot.</summary>
    [Benchmark(OperationsPerInvoke = Voters)]
    public void RecordEveryVoter()
    {
        shift++;
        for (var i = 0; i < ids.Length; i++) tally.Record(ids[i], (VoteChoice)((i + shift) % 3));
    }

    [Benchmark]
    public TallyView View() => tally.View();

    [Benchmark]
    public ResolutionOutcome Evaluate() => tally.Evaluate();
}

using System.Collections.Concurrent;
using CaseGrains.Load.Seeding;
using CaseGrains.Meetings.Voting;

namespace CaseGrains.Load.Voting;

/// <summary>
/// One meeting being voted: its voters, its watchers, and the order of ballots. Every connected creditor votes once,
/// in a shuffled order; then the creditors chosen to change their vote (a fraction of them) vote again and again, each
/// time differently, one ballot in flight per creditor, until the run ends.
/// </summary>
public sealed class MeetingUnderLoad
{
    private readonly ConcurrentQueue<Voter> idleChangers = new();
    private readonly ConcurrentQueue<Voter> idle = new();
    private Voter[] firstOrder = [];
    private HashSet<Voter> changers = [];
    private long next = -1;

    public MeetingUnderLoad(SeededMeeting seed) => Seed = seed;

    public SeededMeeting Seed { get; }
    public List<Voter> Voters { get; } = [];
    public List<TallyWatcher> Watchers { get; } = [];
    public int ConnectionFailures { get; set; }

    /// <summary>Fixes the voting order for the voters that connected; <paramref name="changeFraction"/> of them change their vote.</summary>
    public void PlanBallots(double changeFraction, int seed)
    {
        var random = new Random(seed);
        firstOrder = [.. Voters.Where(v => v.Hub is not null)];
        random.Shuffle(firstOrder);
        var changing = firstOrder.ToArray();
        random.Shuffle(changing);
        changers = [.. changing.Take((int)Math.Ceiling(changeFraction * changing.Length))];
        foreach (var voter in firstOrder) idle.Enqueue(voter);
    }

    public bool HasChangers => changers.Count > 0;

    /// <summary>The next ballot: a voter (now busy) and the choice; null when none is due or every changer has one in flight.</summary>
    public (Voter Voter, VoteChoice Choice)? NextBallot()
    {
        var k = Interlocked.Increment(ref next);
        if (k < firstOrder.Length)
        {
            var voter = firstOrder[k];
            return (voter, Voter.FirstChoice(voter.Creditor.Index));
        }
        Interlocked.Decrement(ref next);
        if (!idleChangers.TryDequeue(out var changer)) return null;
        return (changer, Voter.Changed(changer.LastSent ?? VoteChoice.For));
    }

    /// <summary>The voter's ballot ended (acknowledged or not): a changer becomes free to vote again.</summary>
    public void BallotEnded(Voter voter)
    {
        if (changers.Contains(voter)) idleChangers.Enqueue(voter);
    }

    /// <summary>Takes a connected voter with nothing in flight, for the no-op calls; null when all are busy.</summary>
    public Voter? TakeIdle() => idle.TryDequeue(out var voter) ? voter : null;

    public void ReturnIdle(Voter voter) => idle.Enqueue(voter);

    public bool FirstVotesDone => Interlocked.Read(ref next) >= firstOrder.Length - 1;
}

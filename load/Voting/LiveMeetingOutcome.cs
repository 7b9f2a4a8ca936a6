using CaseGrains.Load.Reporting;

namespace CaseGrains.Load.Voting;

/// <summary>The headline numbers of one live-meeting run, for the targets and the comparisons.</summary>
public sealed record LiveMeetingOutcome(
    double VoteOkPerSecond,
    long? VoteSustainedOkPerSecond,
    double VoteSeconds,
    double VoteP99Ms,
    long VotesAcknowledged,
    long VotesFailed,
    double? NoopOkPerSecond,
    double? HttpNoopOkPerSecond,
    int ConnectionsWatchingFinal,
    int ConnectionsThatSawFinal,
    double? FinalTallyMaxMs,
    long AcknowledgedVotesMissing,
    bool ChecksPassed,
    CpuUse? VoteCpu = null,
    CpuUse? NoopCpu = null);

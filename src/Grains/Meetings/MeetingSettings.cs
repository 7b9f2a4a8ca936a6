namespace CaseGrains.Meetings;

/// <summary>Settings of the meeting grain (section <c>Meetings</c>).</summary>
public sealed class MeetingSettings
{
    public const string Section = "Meetings";

    /// <summary>
    /// The naive path, kept as a baseline for load tests: each ballot commits in its own transaction inside the
    /// grain's turn, so ballots are never grouped. Off by default; never turn it on in production.
    /// </summary>
    public bool CommitEachBallot { get; set; }
}

namespace CaseGrains.Live;

/// <summary>
/// A change that watchers of <paramref name="Group"/> should see. Updates with the same group, event and subject
/// replace each other until sent: only the newest state of a thing matters to a screen.
/// </summary>
public sealed record LiveUpdate(string Group, string Event, string Subject, object Payload)
{
    public static string CaseGroup(string caseId) => $"case:{caseId}";
    public static string CaseStaffGroup(string caseId) => $"case:{caseId}:staff";
    public static string MeetingGroup(string meetingId) => $"meeting:{meetingId}";
    public static string MeetingStaffGroup(string meetingId) => $"meeting:{meetingId}:staff";

    /// <summary>One creditor's own messages (its voting results), whatever case or meeting they come from.</summary>
    public static string CreditorGroup(string creditorId) => $"creditor:{creditorId}";
}

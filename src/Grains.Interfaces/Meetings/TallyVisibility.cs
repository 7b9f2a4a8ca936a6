namespace CaseGrains.Meetings;

/// <summary>
/// Who sees the running tally besides the judge and the administrator. Some creditors object to interim tallies
/// being shown; the administrator chooses per meeting.
/// </summary>
public enum TallyVisibility
{
    /// <summary>Creditors see the tally change live.</summary>
    Live,
    /// <summary>Creditors see the tally only when voting on the resolution has closed.</summary>
    AfterClose,
}

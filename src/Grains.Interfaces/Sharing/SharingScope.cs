namespace CaseGrains.Sharing;

/// <summary>Who may read a resource shared into a case.</summary>
public enum SharingScope
{
    /// <summary>The case's judge and administrator.</summary>
    Staff,
    /// <summary>Also the case's creditors.</summary>
    Participants,
}

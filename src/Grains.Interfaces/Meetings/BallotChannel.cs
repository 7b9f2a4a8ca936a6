namespace CaseGrains.Meetings;

/// <summary>How a ballot reached the meeting.</summary>
public enum BallotChannel
{
    /// <summary>Cast by the creditor online.</summary>
    Online,
    /// <summary>Cast by a representative holding the creditor's power of attorney.</summary>
    Proxy,
    /// <summary>A written ballot entered by the administrator, kept with the SHA-256 of its scan.</summary>
    Paper,
}

namespace CaseGrains.Meetings;

public enum ResolutionStatus
{
    Pending,
    Open,
    Closed,
}

namespace CaseGrains.WebFront.MachineApi.Callbacks;

public enum CallbackOutcome
{
    /// <summary>The department answered 2xx.</summary>
    Delivered,
    /// <summary>No answer or not 2xx; tried again later.</summary>
    Failed,
    /// <summary>Failed too often; the next notice goes out and this one stays in the feed.</summary>
    Abandoned,
}

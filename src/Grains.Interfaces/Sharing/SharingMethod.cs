namespace CaseGrains.Sharing;

public enum SharingMethod
{
    /// <summary>The department pushes batches through the signed machine API.</summary>
    ApiPush,
    /// <summary>The department subscribes to case facts the platform sends out.</summary>
    Subscription,
}

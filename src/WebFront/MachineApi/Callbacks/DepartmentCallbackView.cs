namespace CaseGrains.WebFront.MachineApi.Callbacks;

/// <summary>A department's callback registration and how far delivery has got in its feed.</summary>
public sealed record DepartmentCallbackView(string Department, Uri Url, DateTimeOffset RegisteredAt, long DeliveredThrough, int Failures, DateTimeOffset NextAttemptAt);

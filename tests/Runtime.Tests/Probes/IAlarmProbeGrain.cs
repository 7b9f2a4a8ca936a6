namespace CaseGrains.Runtime.Tests.Probes;

/// <summary>A grain that sets reminders and reports them firing; keys starting "fail" fail, keys starting "move" move their reminder on.</summary>
public interface IAlarmProbeGrain : IGrainWithStringKey, IRemindable
{
    Task Set(string name, DateTimeOffset due);
    Task Clear(string name);
}

namespace CaseGrains.Runtime.Tests.Probes;

public sealed class AlarmProbeGrain(IGrainReminders reminders, ProbeWitness witness) : Grain, IAlarmProbeGrain
{
    public Task Set(string name, DateTimeOffset due) => reminders.SetAsync(name, due);

    public Task Clear(string name) => reminders.ClearAsync(name);

    public async Task ReceiveReminder(string name, DateTimeOffset due)
    {
        witness.Reminded.Enqueue((Key, name, due));
        if (Key.StartsWith("fail", StringComparison.Ordinal)) throw new InvalidOperationException("the probe fails on purpose");
        if (Key.StartsWith("move", StringComparison.Ordinal)) await reminders.SetAsync(name, due.AddHours(1));
    }
}

using CaseGrains.Load.Reporting;

namespace CaseGrains.Load.Tests;

public sealed class CpuReadingTests
{
    [Fact]
    public void Time_used_between_two_readings_is_divided_by_the_operations_and_the_machine_shares_come_from_its_own_totals()
    {
        var start = new CpuReading(0, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5),
            new MachineCpuTimes(TimeSpan.FromSeconds(100), TimeSpan.FromSeconds(50), TimeSpan.FromSeconds(1)));
        var end = new CpuReading(System.Diagnostics.Stopwatch.Frequency * 2, TimeSpan.FromSeconds(11), TimeSpan.FromSeconds(22), TimeSpan.FromSeconds(5.5),
            new MachineCpuTimes(TimeSpan.FromSeconds(103.4), TimeSpan.FromSeconds(50.5), TimeSpan.FromSeconds(1.1)));

        var use = end.Since(start, operations: 20_000);

        Assert.NotNull(use);
        Assert.True(use.ServerCounted);
        Assert.Equal(50, use.GeneratorMicroseconds);
        Assert.Equal(100, use.ServerMicroseconds);
        Assert.Equal(25, use.DatabaseMicroseconds);
        Assert.Equal(175, use.TotalMicroseconds);
        Assert.Equal(12.5, use.MachineIdlePercent);
        Assert.Equal(2.5, use.StolenPercent);
        Assert.Equal(2, use.Seconds);
    }

    [Fact]
    public void A_process_that_is_not_known_stays_unknown_and_adds_nothing_to_the_total_and_a_cost_without_the_server_is_not_comparable()
    {
        var start = new CpuReading(0, TimeSpan.FromSeconds(1), null, null, null, ServerCounted: false);
        var end = new CpuReading(0, TimeSpan.FromSeconds(2), null, null, null, ServerCounted: false);

        var use = end.Since(start, operations: 1_000);

        Assert.NotNull(use);
        Assert.False(use.ServerCounted);
        Assert.False(use.EveryProcessCounted);
        Assert.Null(use.ServerMicroseconds);
        Assert.Null(use.DatabaseMicroseconds);
        Assert.Null(use.MachineIdlePercent);
        Assert.Equal(1_000, use.TotalMicroseconds);
    }

    [Fact]
    public void A_span_without_operations_has_no_cost_per_operation()
    {
        var reading = new CpuReading(0, TimeSpan.FromSeconds(1), null, null, null);

        Assert.Null(reading.Since(reading, operations: 0));
    }
}

using CaseGrains.Load.Reporting;

namespace CaseGrains.Load.Tests;

public sealed class CpuUseTests
{
    [Fact]
    public void Spans_pooled_weigh_each_cost_by_its_operations_and_each_share_by_its_seconds()
    {
        var fast = new CpuUse(3_000, 1, GeneratorMicroseconds: 20, ServerMicroseconds: 40, DatabaseMicroseconds: 10, MachineIdlePercent: 2, StolenPercent: 0);
        var slow = new CpuUse(1_000, 3, GeneratorMicroseconds: 60, ServerMicroseconds: 80, DatabaseMicroseconds: 30, MachineIdlePercent: 10, StolenPercent: 4);

        var pooled = CpuUse.Pool([fast, slow]);

        Assert.NotNull(pooled);
        Assert.Equal(4_000, pooled.Operations);
        Assert.Equal(4, pooled.Seconds);
        Assert.Equal(30, pooled.GeneratorMicroseconds);
        Assert.Equal(50, pooled.ServerMicroseconds);
        Assert.Equal(15, pooled.DatabaseMicroseconds);
        Assert.Equal(8, pooled.MachineIdlePercent);
        Assert.Equal(3, pooled.StolenPercent);
        Assert.True(pooled.EveryProcessCounted);
    }

    [Fact]
    public void A_figure_one_span_lacks_is_unknown_for_the_pool_and_a_span_without_a_reading_leaves_no_pool()
    {
        var known = new CpuUse(100, 1, 10, 20, 5, 1, 0);
        var withoutDatabase = new CpuUse(100, 1, 10, 20, null, null, null);

        var pooled = CpuUse.Pool([known, withoutDatabase]);

        Assert.NotNull(pooled);
        Assert.Equal(20, pooled.ServerMicroseconds);
        Assert.Null(pooled.DatabaseMicroseconds);
        Assert.Null(pooled.MachineIdlePercent);
        Assert.False(pooled.EveryProcessCounted);
        Assert.Null(CpuUse.Pool([known, null]));
    }
}

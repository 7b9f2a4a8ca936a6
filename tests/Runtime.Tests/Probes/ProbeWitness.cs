using System.Collections.Concurrent;

namespace CaseGrains.Runtime.Tests.Probes;

/// <summary>What probe grains saw, kept outside them so that it outlives activations.</summary>
public sealed class ProbeWitness
{
    private int inside;
    private int mostInside;

    public ConcurrentDictionary<string, int> Activated { get; } = new();
    public ConcurrentDictionary<string, int> Deactivated { get; } = new();
    public ConcurrentQueue<(string Key, string Name, DateTimeOffset Due)> Reminded { get; } = new();
    public int MostInside => Volatile.Read(ref mostInside);

    /// <summary>Holds a probe's turn (see <see cref="IProbeGrain.Hold"/>) until the test lets go.</summary>
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set once a probe holds its turn in <see cref="IProbeGrain.Hold"/>.</summary>
    public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set once a commit probe starts to flush (see <see cref="ICommitProbeGrain.FlushThenApplied"/>).</summary>
    public TaskCompletionSource Flushing { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IDisposable Enter()
    {
        var now = Interlocked.Increment(ref inside);
        int seen;
        while ((seen = Volatile.Read(ref mostInside)) < now && Interlocked.CompareExchange(ref mostInside, now, seen) != seen)
        {
        }
        return new Exit(this);
    }

    private sealed class Exit(ProbeWitness witness) : IDisposable
    {
        public void Dispose() => Interlocked.Decrement(ref witness.inside);
    }
}

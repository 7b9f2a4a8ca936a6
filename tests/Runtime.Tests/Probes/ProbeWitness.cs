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

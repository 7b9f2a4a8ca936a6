namespace CaseGrains.Runtime.Tests.Probes;

/// <summary>A grain made to observe the runtime: overlapping turns, persisted counts, calls to a peer.</summary>
public interface IProbeGrain : IGrainWithStringKey
{
    Task<int> Enter();
    Task<int> Increment();
    Task<int> Count();
    Task<int> CallPeer(string peerKey);
    Task<int> Activations();

    /// <summary>Keeps the turn until the witness's gate opens.</summary>
    Task Hold();

    /// <summary>Fails, after a yield, with a TimeoutException of its own.</summary>
    Task TimeOutInside();
}

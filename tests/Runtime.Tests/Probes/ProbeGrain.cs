namespace CaseGrains.Runtime.Tests.Probes;

public sealed class ProbeGrain(IPersistentState<ProbeState> state, ProbeWitness witness) : Grain, IProbeGrain
{
    private int entered;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        witness.Activated.AddOrUpdate(Key, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(CancellationToken cancellationToken)
    {
        witness.Deactivated.AddOrUpdate(Key, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public async Task<int> Enter()
    {
        using (witness.Enter())
        {
            var before = entered;
            await Task.Yield();
            await Task.Delay(1);
            entered = before + 1; // a lost update here would show an overlap even if the witness missed it
        }
        return entered;
    }

    public async Task<int> Increment()
    {
        state.State.Count++;
        await state.WriteStateAsync();
        return state.State.Count;
    }

    public Task<int> Count() => Task.FromResult(state.State.Count);

    public Task<int> CallPeer(string peerKey) => GrainFactory.Get<IProbeGrain>(peerKey).CallPeer(Key);

    public async Task Hold()
    {
        witness.Holding.TrySetResult();
        await witness.Gate.Task;
    }

    public async Task TimeOutInside()
    {
        await Task.Yield();
        throw new TimeoutException("the probe's own time-out");
    }

    public Task<int> Activations() => Task.FromResult(witness.Activated.GetValueOrDefault(Key));
}

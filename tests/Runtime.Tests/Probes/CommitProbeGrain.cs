namespace CaseGrains.Runtime.Tests.Probes;

public sealed class CommitProbeGrain : Grain, ICommitProbeGrain
{
    private readonly IFactLog<NumberAdded> facts;
    private readonly GroupCommit<NumberAdded> numbers;
    private readonly List<int> applied = [];
    private readonly ProbeWitness witness;

    public CommitProbeGrain(IGrainContext context, IFactLog<NumberAdded> facts, ProbeWitness witness)
    {
        this.facts = facts;
        this.witness = witness;
        numbers = new GroupCommit<NumberAdded>(context, facts, (committed, _) => applied.AddRange(committed.Select(f => f.Number)));
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken) =>
        applied.AddRange((await facts.ReadAllAsync(cancellationToken)).Select(f => f.Number));

    public async Task Add(int number) => await AfterTurn(numbers.Add(new NumberAdded(number)));

    public Task<IReadOnlyList<int>> Applied() => Task.FromResult<IReadOnlyList<int>>([.. applied]);

    public async Task<IReadOnlyList<int>> FlushThenApplied()
    {
        witness.Flushing.TrySetResult();
        await numbers.FlushAsync();
        return [.. applied];
    }
}

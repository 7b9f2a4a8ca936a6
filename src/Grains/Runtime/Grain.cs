namespace CaseGrains.Runtime;

/// <summary>
/// Base class of every grain. The runtime sets <see cref="Context"/> before <see cref="OnActivateAsync"/> and runs one
/// call at a time (a turn); grain code needs no locks.
/// </summary>
public abstract class Grain
{
    private IGrainContext? context;

    protected IGrainContext Context => context ?? throw new InvalidOperationException("The grain is not activated.");

    protected string Key => Context.Key;

    protected IGrainFactory GrainFactory => Context.GrainFactory;

    internal void Attach(IGrainContext grainContext) => context = grainContext;

    public virtual Task OnActivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Runs before the activation goes away (idle, shutdown). Flush what is buffered here.</summary>
    public virtual Task OnDeactivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Ends this turn, then waits for <paramref name="pending"/>: see <see cref="IGrainContext.EndTurn"/>.</summary>
    protected Task<T> AfterTurn<T>(Task<T> pending)
    {
        Context.EndTurn();
        return pending;
    }
}

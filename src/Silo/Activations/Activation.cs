using System.Reflection;
using System.Runtime.ExceptionServices;

namespace CaseGrains.Silo.Activations;

/// <summary>
/// One live instance of a grain: its object, its turn (a one-slot semaphore: one call at a time) and its lifecycle.
/// An activation that is retired never runs another call; callers that queued on it retry on a fresh one.
/// </summary>
internal sealed class Activation(GrainId id, GrainRuntime runtime) : IGrainContext
{
    private readonly SemaphoreSlim turn = new(1, 1);
    private Grain? grain;
    private Turn? current;
    private long lastUsed = Environment.TickCount64;

    public GrainId Id { get; } = id;
    public ActivationStatus Status { get; private set; } = ActivationStatus.Created;
    public long IdleMilliseconds => Environment.TickCount64 - Interlocked.Read(ref lastUsed);

    string IGrainContext.GrainType => Id.Type;
    string IGrainContext.Key => Id.Key;
    IGrainFactory IGrainContext.GrainFactory => runtime;

    /// <summary>
    /// Runs the call in its turn. A call still queued when its deadline passes is dropped unrun when its turn comes
    /// (its task ends cancelled); the caller was already told of the time-out by <see cref="GrainRuntime"/>. Queued
    /// calls wait without a cancellation registration each: the turn always ends, since every call a grain awaits has
    /// a deadline of its own.
    /// </summary>
    public async Task<T> InvokeAsync<T>(MethodInfo method, object?[] args, bool interleave, long deadlineTicks)
    {
        Touch();
        CallChain.Deadline = deadlineTicks;
        if (interleave && Status == ActivationStatus.Active)
            return await InvokeGrainAsync<T>(method, args);

        if (!turn.Wait(0)) await turn.WaitAsync();
        var thisTurn = new Turn(turn);
        try
        {
            if (Status == ActivationStatus.Retired) throw new ActivationRetiredException();
            if (Environment.TickCount64 >= deadlineTicks) throw new OperationCanceledException();
            if (Status == ActivationStatus.Created) await ActivateAsync(CancellationToken.None);
            current = thisTurn;
            return await InvokeGrainAsync<T>(method, args);
        }
        catch (InconsistentStateException)
        {
            Retire();
            throw;
        }
        finally
        {
            if (current == thisTurn) current = null;
            thisTurn.Release();
            Touch();
        }
    }

    private Task<T> InvokeGrainAsync<T>(MethodInfo method, object?[] args)
    {
        try
        {
            var result = method.Invoke(grain, args);
            return result as Task<T> ?? CompleteUntyped<T>((Task)result!);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    private static async Task<T> CompleteUntyped<T>(Task task)
    {
        await task;
        return default!;
    }

    private async Task ActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            grain = await runtime.CreateGrainAsync(this, cancellationToken);
            grain.Attach(this);
            await grain.OnActivateAsync(cancellationToken);
            Status = ActivationStatus.Active;
        }
        catch
        {
            Retire();
            throw;
        }
    }

    /// <summary>Deactivates if idle: takes the turn only if nobody holds it, runs the deactivation hook, retires.</summary>
    public async Task<bool> TryCollectAsync(CancellationToken cancellationToken)
    {
        if (!turn.Wait(0)) return false;
        try
        {
            await DeactivateHeldAsync(cancellationToken);
            return true;
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>Waits for the turn, then deactivates (shutdown).</summary>
    public async Task DeactivateAsync(CancellationToken cancellationToken)
    {
        await turn.WaitAsync(cancellationToken);
        try
        {
            await DeactivateHeldAsync(cancellationToken);
        }
        finally
        {
            turn.Release();
        }
    }

    private async Task DeactivateHeldAsync(CancellationToken cancellationToken)
    {
        if (Status != ActivationStatus.Active)
        {
            Retire();
            return;
        }
        try
        {
            await grain!.OnDeactivateAsync(cancellationToken);
        }
        finally
        {
            Retire();
        }
    }

    private void Retire()
    {
        Status = ActivationStatus.Retired;
        runtime.Forget(this);
    }

    private void Touch() => Interlocked.Exchange(ref lastUsed, Environment.TickCount64);

    public void EndTurn()
    {
        var ending = current ?? throw new InvalidOperationException("EndTurn is called from inside a turn.");
        current = null;
        ending.Release();
    }

    public void ScheduleTurn(Func<Task> work) => _ = RunScheduledAsync(work);

    private async Task RunScheduledAsync(Func<Task> work)
    {
        CallChain.Deadline = 0; // a turn of the grain's own, not part of the call that scheduled it
        await turn.WaitAsync();
        var thisTurn = new Turn(turn);
        try
        {
            if (Status != ActivationStatus.Active) return;
            current = thisTurn;
            await work();
        }
        catch (Exception e)
        {
            runtime.ReportScheduledFailure(Id, e);
        }
        finally
        {
            if (current == thisTurn) current = null;
            thisTurn.Release();
        }
    }

    public void DeactivateOnIdle() => Retire();

    /// <summary>Releases the turn exactly once, whether by <see cref="EndTurn"/> or at the end of the call.</summary>
    private sealed class Turn(SemaphoreSlim gate)
    {
        private int released;

        public void Release()
        {
            if (Interlocked.Exchange(ref released, 1) == 0) gate.Release();
        }
    }
}

internal enum ActivationStatus
{
    Created,
    Active,
    Retired,
}

/// <summary>The activation was retired while the call queued; the runtime retries on a fresh one.</summary>
internal sealed class ActivationRetiredException : Exception;

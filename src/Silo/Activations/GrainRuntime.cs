using System.Collections.Concurrent;
using System.Reflection;
using CaseGrains.Silo.Storage;
using Microsoft.Extensions.Options;

namespace CaseGrains.Silo.Activations;

/// <summary>
/// The grain directory of this node: hands out references, activates grains on their first call, runs calls turn by
/// turn with a time-out, and collects idle activations. Stopping it deactivates every activation, which flushes what
/// the grains buffered.
/// </summary>
public sealed partial class GrainRuntime(
    GrainRegistry registry,
    IGrainStore store,
    IServiceProvider services,
    IOptions<GrainRuntimeOptions> options,
    ILogger<GrainRuntime> logger) : IGrainFactory, IHostedService, IAsyncDisposable
{
    private const int MaxSharedReferences = 100_000;
    private readonly ConcurrentDictionary<GrainId, Activation> directory = new();
    private readonly ConcurrentDictionary<(Type Interface, GrainId Id), object> references = new();
    private readonly ConcurrentDictionary<MethodInfo, Dispatcher> dispatchers = new();
    private readonly GrainRuntimeOptions settings = options.Value;
    private readonly CancellationTokenSource stopping = new();
    private int sharedReferences;
    private Task? collector;

    public int ActivationCount => directory.Count;

    public TGrain Get<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        var registration = registry.Find(typeof(TGrain));
        var id = new GrainId(registration.TypeName, key);
        // A reference holds nothing but the id, so one is shared by every caller; making one binds a constructor by reflection.
        if (references.TryGetValue((typeof(TGrain), id), out var known)) return (TGrain)known;
        var created = GrainProxy.Create<TGrain>(this, id)!;
        var shared = references.GetOrAdd((typeof(TGrain), id), created);
        // Counted here, not with references.Count, which takes every lock of the dictionary.
        if (ReferenceEquals(shared, created) && Interlocked.Increment(ref sharedReferences) > MaxSharedReferences)
        {
            references.Clear();
            Interlocked.Exchange(ref sharedReferences, 0);
        }
        return (TGrain)shared;
    }

    internal object Dispatch(GrainId id, MethodInfo method, object?[] args)
    {
        var dispatcher = dispatchers.GetOrAdd(method, static m =>
        {
            var resultType = m.ReturnType.IsGenericType ? m.ReturnType.GetGenericArguments()[0] : null;
            var call = resultType is null
                ? typeof(GrainRuntime).GetMethod(nameof(CallVoidAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
                : typeof(GrainRuntime).GetMethod(nameof(CallAsync), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(resultType);
            return new Dispatcher(call.CreateDelegate<Func<GrainRuntime, GrainId, MethodInfo, object?[], bool, object>>(),
                m.IsDefined(typeof(AlwaysInterleaveAttribute), inherit: true));
        });
        return dispatcher.Call(this, id, method, args, dispatcher.Interleave);
    }

    /// <summary>How calls of one interface method are made, worked out once per method.</summary>
    private sealed record Dispatcher(Func<GrainRuntime, GrainId, MethodInfo, object?[], bool, object> Call, bool Interleave);

    private Task<object?> CallVoidAsync(GrainId id, MethodInfo method, object?[] args, bool interleave) => CallAsync<object?>(id, method, args, interleave);

    private async Task<T> CallAsync<T>(GrainId id, MethodInfo method, object?[] args, bool interleave)
    {
        if (stopping.IsCancellationRequested)
            throw new InvalidOperationException("The server is shutting down; the call was not made.");
        var now = Environment.TickCount64;
        var deadline = now + (long)settings.CallTimeout.TotalMilliseconds;
        if (CallChain.Deadline > 0) deadline = Math.Min(deadline, CallChain.Deadline);
        while (true)
        {
            var left = deadline - Environment.TickCount64;
            if (left <= 0) throw TimedOut(id, method);
            var activation = directory.GetOrAdd(id, static (key, runtime) => new Activation(key, runtime), this);
            var call = activation.InvokeAsync<T>(method, args, interleave, deadline);
            if (!call.IsCompleted)
            {
                // The call races one timer (no token source, no registration). Whatever the call itself ends with, a
                // TimeoutException of its own included, is read from the call below, not from the race.
                await ((Task)call.WaitAsync(TimeSpan.FromMilliseconds(left))).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (!call.IsCompleted) throw TimedOut(id, method);
            }
            try
            {
                return await call;
            }
            catch (ActivationRetiredException)
            {
                // The activation went away while this call queued for it: try the next one.
            }
            catch (OperationCanceledException) when (call.IsCanceled && Environment.TickCount64 >= deadline)
            {
                // It waited out its deadline in the queue and was dropped unrun.
                throw TimedOut(id, method);
            }
        }
    }

    private GrainCallTimeoutException TimedOut(GrainId id, MethodInfo method)
    {
        LogCallTimedOut(logger, id.Type, method.Name, settings.CallTimeout.TotalMilliseconds);
        return new GrainCallTimeoutException($"{id.Type}/{id.Key}", method.Name, settings.CallTimeout);
    }

    internal async Task<Grain> CreateGrainAsync(Activation activation, CancellationToken cancellationToken)
    {
        var registration = registry.All.First(r => r.TypeName == activation.Id.Type);
        var lease = await store.AcquireAsync(activation.Id, settings.NodeName, cancellationToken);
        var extra = new List<object>();
        foreach (var parameter in registration.Implementation.GetConstructors().Single().GetParameters())
        {
            var type = parameter.ParameterType;
            if (type == typeof(IGrainContext)) extra.Add(activation);
            if (type == typeof(IGrainReminders)) extra.Add(new GrainReminders(store, activation.Id));
            if (!type.IsGenericType) continue;
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(IPersistentState<>))
                extra.Add(Activator.CreateInstance(typeof(PersistentState<>).MakeGenericType(type.GetGenericArguments()), store, activation.Id, lease)!);
            else if (definition == typeof(IFactLog<>))
                extra.Add(Activator.CreateInstance(typeof(PostgresFactLog<>).MakeGenericType(type.GetGenericArguments()), store, activation.Id, lease)!);
        }
        LogActivating(logger, activation.Id.Type, activation.Id.Key, lease.Epoch);
        return (Grain)ActivatorUtilities.CreateInstance(services, registration.Implementation, [.. extra]);
    }

    /// <summary>A reference to a stored grain by its type name, for calls that know no interface type (reminders).</summary>
    internal IRemindable GetRemindable(GrainId id)
    {
        var registration = registry.All.FirstOrDefault(r => r.TypeName == id.Type)
            ?? throw new InvalidOperationException($"No grain type {id.Type} is registered.");
        if (!typeof(IRemindable).IsAssignableFrom(registration.Interface))
            throw new InvalidOperationException($"Grain type {id.Type} does not take reminders.");
        return GrainProxy.Create<IRemindable>(this, id);
    }

    internal void Forget(Activation activation) =>
        directory.TryRemove(new KeyValuePair<GrainId, Activation>(activation.Id, activation));

    internal void ReportScheduledFailure(GrainId id, Exception e) => LogScheduledFailure(logger, e, id.Type, id.Key);

    /// <summary>Deactivates activations idle longer than the collection age; returns how many went.</summary>
    public async Task<int> CollectIdleAsync(CancellationToken cancellationToken = default)
    {
        var collected = 0;
        var age = (long)settings.CollectionAge.TotalMilliseconds;
        foreach (var activation in directory.Values)
        {
            if (activation.IdleMilliseconds < age) continue;
            try
            {
                if (await activation.TryCollectAsync(cancellationToken)) collected++;
            }
            catch (Exception e)
            {
                LogDeactivationFailed(logger, e, activation.Id.Type, activation.Id.Key);
            }
        }
        return collected;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        collector = CollectLoopAsync(stopping.Token);
        return Task.CompletedTask;
    }

    private async Task CollectLoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(settings.CollectionQuantum);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var collected = await CollectIdleAsync(cancellationToken);
                if (collected > 0) LogCollected(logger, collected);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Refuses new calls and deactivates every activation, which flushes what the grains buffered. The flush gets its
    /// own time (<see cref="GrainRuntimeOptions.CallTimeout"/>) even when the host's shutdown time was spent elsewhere:
    /// giving up on it would lose acknowledged-but-buffered work.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (stopping.IsCancellationRequested) return;
        await stopping.CancelAsync();
        if (collector is not null) await collector;
        var all = directory.Values.ToArray();
        LogStopping(logger, all.Length);
        using var flushTime = new CancellationTokenSource(settings.CallTimeout);
        await Parallel.ForEachAsync(all, new ParallelOptions { CancellationToken = flushTime.Token, MaxDegreeOfParallelism = 16 }, async (activation, ct) =>
        {
            try
            {
                await activation.DeactivateAsync(ct);
            }
            catch (Exception e)
            {
                LogDeactivationFailed(logger, e, activation.Id.Type, activation.Id.Key);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        stopping.Dispose();
    }

    [LoggerMessage(LogLevel.Debug, "Activating {GrainType} {GrainKey} at epoch {Epoch}")]
    private static partial void LogActivating(ILogger logger, string grainType, string grainKey, long epoch);

    [LoggerMessage(LogLevel.Warning, "Call {GrainType}.{Method} timed out after {TimeoutMs} ms")]
    private static partial void LogCallTimedOut(ILogger logger, string grainType, string method, double timeoutMs);

    [LoggerMessage(LogLevel.Error, "A scheduled turn of {GrainType} {GrainKey} failed")]
    private static partial void LogScheduledFailure(ILogger logger, Exception e, string grainType, string grainKey);

    [LoggerMessage(LogLevel.Error, "Deactivating {GrainType} {GrainKey} failed")]
    private static partial void LogDeactivationFailed(ILogger logger, Exception e, string grainType, string grainKey);

    [LoggerMessage(LogLevel.Information, "Collected {Count} idle activations")]
    private static partial void LogCollected(ILogger logger, int count);

    [LoggerMessage(LogLevel.Information, "Deactivating {Count} activations before shutdown")]
    private static partial void LogStopping(ILogger logger, int count);
}

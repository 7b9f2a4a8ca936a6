namespace CaseGrains.WebFront.MachineApi.Callbacks;

/// <summary>
/// Where each department wants its notices pushed, and how far delivery has got. Notices go out in feed order, one
/// at a time per department; a node takes a department's next notice under a lease, so two nodes never send it at once.
/// </summary>
public interface ICallbackStore
{
    /// <summary>Registers or changes the URL. A first registration delivers notices recorded from then on; earlier ones are in the feed.</summary>
    Task<DepartmentCallbackView> RegisterAsync(string department, Uri url, CancellationToken cancellationToken);

    Task<DepartmentCallbackView?> GetAsync(string department, CancellationToken cancellationToken);

    /// <summary>Takes the next notice due for delivery to some department, leased for <paramref name="lease"/>; null when none is due.</summary>
    Task<CallbackWork?> LeaseNextAsync(TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records an attempt and moves delivery on: past the notice when delivered or abandoned, else to <paramref name="nextAttemptAt"/>.</summary>
    Task RecordAsync(CallbackWork work, CallbackOutcome outcome, int? statusCode, string? error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken);

    /// <summary>The latest attempts for the department, newest first.</summary>
    Task<IReadOnlyList<CallbackAttemptView>> ListAttemptsAsync(string department, int limit, CancellationToken cancellationToken);
}

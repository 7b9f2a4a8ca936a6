namespace CaseGrains.WebFront.Security;

/// <summary>
/// The audit trail of sign-ins, denied requests and writes (who, when, from where, what), kept apart from the case
/// ledger. <see cref="Record"/> never blocks the request; records are written in batches.
/// </summary>
public interface IAuditLog
{
    void Record(AuditRecord record);

    Task<IReadOnlyList<AuditRecord>> ReadAsync(AuditQuery query, CancellationToken cancellationToken);
}

/// <summary>One audited event. <see cref="Actor"/> is a user name, never a person's name or ID number.</summary>
public sealed record AuditRecord(DateTimeOffset At, string Actor, string? Role, string From, string Method, string Path, int Status, string? CaseId, string? Detail);

public sealed record AuditQuery(string? CaseId, string? Actor, DateTimeOffset? Since, int Limit);

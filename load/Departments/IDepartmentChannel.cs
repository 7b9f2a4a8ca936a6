using CaseGrains.Load.Engine;

namespace CaseGrains.Load.Departments;

/// <summary>How a source department's declaration reaches the server: the one place to switch to the signed machine API.</summary>
public interface IDepartmentChannel
{
    string Describe();

    /// <summary>Declares a tax claim of <paramref name="principalFen"/> into the case; the same key on a retry.</summary>
    Task<DepartmentAnswer> DeclareAsync(string department, string caseId, long principalFen, string idempotencyKey, CancellationToken cancellationToken);
}

/// <summary>What the server answered: the claim it created, or why not, and whether trying again with the same key makes sense.</summary>
public sealed record DepartmentAnswer(Response Response, string? ClaimId, bool Retryable);

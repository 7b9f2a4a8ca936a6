namespace CaseGrains.WebFront.MachineApi.Keys;

/// <summary>Machine API keys of source departments: issued and revoked by the platform, looked up on every signed request.</summary>
public interface IDepartmentKeyStore
{
    /// <summary>Issues a new key with a random 256-bit secret; the secret is returned here and never again.</summary>
    Task<IssuedDepartmentKey> IssueAsync(string department, CancellationToken cancellationToken);

    Task<IReadOnlyList<DepartmentKeyView>> ListAsync(string department, CancellationToken cancellationToken);

    /// <summary>Revokes the key at once; null when the department has no such key. Revoking twice keeps the first time.</summary>
    Task<DepartmentKeyView?> RevokeAsync(string department, string keyId, CancellationToken cancellationToken);

    /// <summary>The key with its secret, revoked or not, or null when there is none.</summary>
    Task<DepartmentKey?> FindAsync(string keyId, CancellationToken cancellationToken);

    /// <summary>The department's newest key that is not revoked, which signs the callbacks it receives.</summary>
    Task<DepartmentKey?> FindSigningKeyAsync(string department, CancellationToken cancellationToken);
}

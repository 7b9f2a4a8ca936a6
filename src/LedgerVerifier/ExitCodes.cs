namespace CaseGrains.LedgerVerifier;

/// <summary>The verifier's exit codes, so scripts can tell tampering from a wrong invocation.</summary>
public static class ExitCodes
{
    /// <summary>Everything checked holds.</summary>
    public const int Verified = 0;

    /// <summary>The material does not verify: tampered, inconsistent, wrongly signed or malformed.</summary>
    public const int Failed = 1;

    /// <summary>The check could not run: bad arguments, a missing file or an unreadable key.</summary>
    public const int UsageError = 2;
}

namespace CaseGrains.Ledger;

/// <summary>The outcome of checking untrusted ledger material: whether it holds and, either way, a sentence saying why.</summary>
public sealed record VerificationResult(bool Ok, string Message)
{
    public static VerificationResult Success(string message) => new(true, message);

    public static VerificationResult Failure(string message) => new(false, message);
}

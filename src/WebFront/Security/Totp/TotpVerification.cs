namespace CaseGrains.Security.Totp;

/// <summary>The verdict on a code.</summary>
/// <param name="MatchedStep">
/// The time step the code belongs to, when it matched one (also for <see cref="TotpOutcome.Reused"/> and
/// <see cref="TotpOutcome.Expired"/>). On acceptance the caller stores it as the last used step.
/// </param>
public sealed record TotpVerification(TotpOutcome Outcome, long? MatchedStep)
{
    public bool IsAccepted => Outcome == TotpOutcome.Accepted;
}

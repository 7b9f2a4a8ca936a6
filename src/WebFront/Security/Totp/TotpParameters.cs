namespace CaseGrains.Security.Totp;

/// <summary>How codes are made and how much clock drift a verifier forgives.</summary>
/// <param name="Digits">6 or 8.</param>
/// <param name="StepSeconds">The time step X of RFC 6238; 30 seconds unless an authenticator needs otherwise.</param>
/// <param name="Window">
/// How many steps before and after the current one are accepted, for clock drift and typing time (RFC 6238
/// section 5.2 recommends at most one).
/// </param>
public sealed record TotpParameters(
    TotpAlgorithm Algorithm = TotpAlgorithm.Sha1,
    int Digits = 6,
    int StepSeconds = 30,
    int Window = 1)
{
    public static TotpParameters Default { get; } = new();

    /// <exception cref="ArgumentOutOfRangeException">A parameter outside what authenticators support.</exception>
    public void Validate()
    {
        if (!Enum.IsDefined(Algorithm))
        {
            throw new ArgumentOutOfRangeException(nameof(Algorithm), Algorithm, "Unknown TOTP algorithm.");
        }

        if (Digits is not (6 or 8))
        {
            throw new ArgumentOutOfRangeException(nameof(Digits), Digits, "TOTP codes have 6 or 8 digits.");
        }

        if (StepSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(StepSeconds), StepSeconds, "The time step must be positive.");
        }

        if (Window is < 0 or > 10)
        {
            throw new ArgumentOutOfRangeException(nameof(Window), Window, "The window is between 0 and 10 steps.");
        }
    }
}

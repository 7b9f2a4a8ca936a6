using System.Security.Cryptography;
using System.Text;

namespace CaseGrains.Security.Totp;

/// <summary>
/// Checks submitted codes against the clock. Stateless: the caller keeps, per user, the last time step that was
/// accepted and passes it in, so that a code is accepted at most once and never an older one after a newer one.
/// </summary>
public sealed class TotpVerifier
{
    /// <summary>
    /// How far behind the window a code is still recognised, only to tell "expired" from "wrong"; such a code is
    /// refused either way.
    /// </summary>
    public const int ExpiredLookbackSteps = 10;

    private readonly TimeProvider _time;
    private readonly TotpParameters _parameters;

    public TotpVerifier(TimeProvider time, TotpParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        _parameters = parameters ?? TotpParameters.Default;
        _parameters.Validate();
    }

    public TotpParameters Parameters => _parameters;

    /// <param name="code">What the user typed; spaces are ignored.</param>
    /// <param name="lastUsedStep">The step of the last accepted code for this secret, or null if none.</param>
    public TotpVerification Verify(ReadOnlySpan<byte> secret, string? code, long? lastUsedStep)
    {
        if (secret.IsEmpty)
        {
            throw new ArgumentException("The secret is empty.", nameof(secret));
        }

        var submitted = Normalize(code);
        if (submitted is null)
        {
            return new TotpVerification(TotpOutcome.Malformed, null);
        }

        var now = TotpGenerator.TimeStep(_time.GetUtcNow(), _parameters.StepSeconds);
        long? accepted = null, reused = null;

        // Every step in the window is computed and compared, matched or not, so that timing says nothing about which.
        for (var step = now - _parameters.Window; step <= now + _parameters.Window; step++)
        {
            if (!Matches(secret, step, submitted))
            {
                continue;
            }

            if (lastUsedStep is { } last && step <= last)
            {
                reused ??= step;
            }
            else
            {
                accepted ??= step;
            }
        }

        if (accepted is { } ok)
        {
            return new TotpVerification(TotpOutcome.Accepted, ok);
        }

        if (reused is { } replay)
        {
            return new TotpVerification(TotpOutcome.Reused, replay);
        }

        for (var step = now - _parameters.Window - 1; step >= now - _parameters.Window - ExpiredLookbackSteps; step--)
        {
            if (Matches(secret, step, submitted))
            {
                return new TotpVerification(TotpOutcome.Expired, step);
            }
        }

        return new TotpVerification(TotpOutcome.Invalid, null);
    }

    private bool Matches(ReadOnlySpan<byte> secret, long step, byte[] submitted)
    {
        var expected = Encoding.ASCII.GetBytes(TotpGenerator.Code(secret, step, _parameters));
        return CryptographicOperations.FixedTimeEquals(expected, submitted);
    }

    private byte[]? Normalize(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var digits = code.Replace(" ", string.Empty, StringComparison.Ordinal);
        if (digits.Length != _parameters.Digits || !digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        return Encoding.ASCII.GetBytes(digits);
    }
}

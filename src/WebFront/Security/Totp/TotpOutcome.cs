namespace CaseGrains.Security.Totp;

/// <summary>What a verifier made of a submitted code.</summary>
public enum TotpOutcome
{
    /// <summary>The code is right for a step inside the window that was not used before.</summary>
    Accepted,
    /// <summary>Not a string of the configured number of digits.</summary>
    Malformed,
    /// <summary>The code matches no recent step.</summary>
    Invalid,
    /// <summary>The code was right for a step that has left the window: the user was slow or the device clock is behind.</summary>
    Expired,
    /// <summary>The code is right but its step is not later than the last one used: a replay (RFC 6238 section 5.2).</summary>
    Reused,
}

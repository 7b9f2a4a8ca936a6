using System.ComponentModel.DataAnnotations;

namespace CaseGrains.WebFront.MachineApi;

/// <summary>Settings of the signed machine API for source departments (section "MachineApi").</summary>
public sealed class MachineApiOptions
{
    public const string Section = "MachineApi";

    /// <summary>How far a signature's created time may be from the server's clock, either way.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromSeconds(300);

    /// <summary>How long an Idempotency-Key and its first response are kept (published to departments).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan IdempotencyKeyLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>After this long a request still marked in flight is taken as lost (its server died), and a retry may run it.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan InFlightTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The largest request body the machine API reads.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>How often the callback sender looks for results to deliver when it found none.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan CallbackPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The wait after the first failed delivery; it doubles with every further failure up to <see cref="CallbackMaxRetryDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan CallbackFirstRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan CallbackMaxRetryDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>After this many failed attempts a notice is given up on (it stays in the pull feed) and the next one is sent.</summary>
    [Range(1, 1000)]
    public int CallbackMaxAttempts { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan CallbackTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether callback URLs may use plain http to hosts other than loopback (never in production).</summary>
    public bool AllowInsecureCallbacks { get; set; }

    /// <summary>
    /// The AES-256 key (base64, 32 bytes) that encrypts department secrets at rest. Without it the server generates one
    /// and keeps it in the database, which protects nothing against someone who has the database: development only.
    /// </summary>
    public string? SecretKey { get; set; }
}

using System.ComponentModel.DataAnnotations;

namespace CaseGrains.WebFront.Security;

/// <summary>Sign-in, session and limit settings (section <c>Security</c>).</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>PBKDF2 iterations of ASP.NET Core's PasswordHasher; lower only in tests.</summary>
    [Range(1, 10_000_000)]
    public int PasswordIterations { get; set; } = 100_000;

    [Range(8, 128)]
    public int MinimumPasswordLength { get; set; } = 10;

    [Range(1, 100)]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SessionIdle { get; set; } = TimeSpan.FromMinutes(30);

    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan SessionAbsolute { get; set; } = TimeSpan.FromHours(12);

    [Range(typeof(TimeSpan), "00:00:01", "90.00:00:00")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Cookies carry the Secure flag always (true) or only on HTTPS requests (false, for plain-HTTP development).</summary>
    public bool SecureCookiesAlways { get; set; }

    /// <summary>Requests a signed-in person (or an anonymous address) may make per minute.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerMinute { get; set; } = 1200;

    /// <summary>Open SignalR connections one person may hold at once.</summary>
    [Range(1, 1000)]
    public int ConnectionsPerUser { get; set; } = 8;

    /// <summary>When set and no account "admin" exists, it is created as the platform administrator with this password.</summary>
    public string? BootstrapAdminPassword { get; set; }
}

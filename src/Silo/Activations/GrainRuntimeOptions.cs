using System.ComponentModel.DataAnnotations;

namespace CaseGrains.Silo.Activations;

/// <summary>Settings of the grain runtime (section <c>Grains</c>).</summary>
public sealed class GrainRuntimeOptions
{
    public const string Section = "Grains";

    /// <summary>How long a caller waits for a grain call, queueing included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>An activation unused for this long is deactivated.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "7.00:00:00")]
    public TimeSpan CollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan CollectionQuantum { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often stored reminders are looked for: the most a reminder fires late.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan ReminderQuantum { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A name for this node in logs and leases.</summary>
    [Required]
    public string NodeName { get; set; } = Environment.MachineName;
}

using System.ComponentModel.DataAnnotations;

namespace CaseGrains.WebFront.Live;

/// <summary>Live update settings (section <c>Live</c>).</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>How often coalesced updates go out: at most one update of a thing per interval per group.</summary>
    [Range(typeof(TimeSpan), "00:00:00.005", "00:00:10")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);
}

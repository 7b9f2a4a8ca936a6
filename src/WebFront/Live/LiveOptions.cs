using System.ComponentModel.DataAnnotations;

namespace CaseGrains.WebFront.Live;

/// <summary>Live update settings (section <c>Live</c>).</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>How often coalesced updates go out: at most one update of a thing per interval per group.</summary>
    [Range(typeof(TimeSpan), "00:00:00.005", "00:00:10")]
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How many messages a second one group may be sent at most: a group of n connections gets an update at most every
    /// max(<see cref="FlushInterval"/>, n / this) seconds. 10,000 creditors watching one meeting then get 2 tallies a
    /// second, which leaves this 2-core machine room to take ballots while the tally still arrives within a second.
    /// </summary>
    [Range(1, 10_000_000)]
    public int GroupMessagesPerSecond { get; set; } = 20_000;
}

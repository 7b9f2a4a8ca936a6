namespace CaseGrains.CaseAccounts;

/// <summary>The court's calendar day of an instant: the per-day limit counts days in Asia/Shanghai, not in UTC.</summary>
public static class CourtDay
{
    public static readonly TimeZoneInfo Zone = FindZone();

    public static DateOnly Of(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, Zone).DateTime);

    /// <summary>
    /// The system's zone when it has one. China has kept UTC+8 all year since 1991, so a fixed UTC+8 is the same
    /// zone for every date this service handles when a machine lacks time zone data.
    /// </summary>
    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}

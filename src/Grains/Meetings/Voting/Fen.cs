using System.Globalization;

namespace CaseGrains.Meetings.Voting;

/// <summary>Formats fen as yuan with two decimals, by integer arithmetic only.</summary>
internal static class Fen
{
    public static string Format(long fen)
    {
        string sign = fen < 0 ? "-" : "";
        ulong magnitude = fen < 0 ? (ulong)(-(fen + 1)) + 1 : (ulong)fen;
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{magnitude / 100}.{magnitude % 100:D2} yuan");
    }
}

using System.Text.Json.Nodes;
using CaseGrains.Meetings.Voting;

namespace CaseGrains.Load.Voting;

/// <summary>The numbers of a one-class tally that a recount must reproduce exactly.</summary>
public sealed record TallyNumbers(int VotesRecorded, int Present, int For, int Against, int Abstain, long AmountFor, long AmountAgainst, long AmountAbstain)
{
    public static TallyNumbers Of(TallyView tally)
    {
        var c = tally.Classes.Single();
        return new(tally.VotesRecorded, c.HeadsPresent, c.HeadsFor, c.HeadsAgainst, c.HeadsAbstain, c.AmountForFen, c.AmountAgainstFen, c.AmountAbstainFen);
    }

    /// <summary>Reads a "tally" message's tally as the hub sends it (camelCase JSON), without binding the whole view.</summary>
    public static TallyNumbers Of(JsonNode tally)
    {
        var c = tally["classes"]![0]!;
        return new((int)tally["votesRecorded"]!, (int)c["headsPresent"]!, (int)c["headsFor"]!, (int)c["headsAgainst"]!, (int)c["headsAbstain"]!,
            (long)c["amountForFen"]!, (long)c["amountAgainstFen"]!, (long)c["amountAbstainFen"]!);
    }

    public override string ToString() =>
        $"{VotesRecorded} votes, {Present} present, heads {For}/{Against}/{Abstain}, amounts {AmountFor}/{AmountAgainst}/{AmountAbstain} fen (for/against/abstain)";
}

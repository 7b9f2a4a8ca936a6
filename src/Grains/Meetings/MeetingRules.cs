using CaseGrains.Cases;
using CaseGrains.Meetings.Voting;
using CaseGrains.Runtime;

namespace CaseGrains.Meetings;

public static class MeetingRules
{
    /// <summary>The most principals one batch of proxy ballots or one power of attorney may carry.</summary>
    public const int MaxBatch = 100_000;

    public static void Validate(ScheduleMeeting command, DateTimeOffset now)
    {
        CaseRules.Require(command.CaseId, "caseId", "the case");
        CaseRules.Require(command.Title, "title", "the meeting's title");
        CaseRules.Require(command.ConvenedBy, "convenedBy", "who convenes the meeting");
        if (!Enum.IsDefined(command.Rules)) throw RuleViolationException.Invalid("rules", "Unknown voting rule set.");
        if (!Enum.IsDefined(command.Visibility)) throw RuleViolationException.Invalid("visibility", "Visibility is live or afterClose.");
        if (command.Agenda is null || command.Agenda.Count == 0)
            throw RuleViolationException.Invalid("agenda", "A meeting has at least one resolution on its agenda.");
        if (command.Agenda.Count > 50) throw RuleViolationException.Invalid("agenda", "A meeting has at most 50 resolutions.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < command.Agenda.Count; i++)
        {
            var item = command.Agenda[i] ?? throw RuleViolationException.Invalid($"agenda[{i}]", "An agenda item is missing.");
            var at = $"agenda[{i}]";
            CaseRules.Require(item.ResolutionId, $"{at}.resolutionId", "the resolution's id");
            CaseRules.Require(item.Title, $"{at}.title", "the resolution's title");
            if (!seen.Add(item.ResolutionId)) throw RuleViolationException.Invalid($"{at}.resolutionId", "Resolution ids are unique within a meeting.");
            if (!Enum.IsDefined(item.Kind)) throw RuleViolationException.Invalid($"{at}.kind", "Unknown resolution kind.");
            if (item.AdjustsEquity && item.Kind != ResolutionKind.ReorganizationPlan)
                throw RuleViolationException.Invalid($"{at}.adjustsEquity", "Only a reorganization plan adjusts equity and puts it to a shareholders' class (EBL 85(2)).");
            if (item.SmallAmountThresholdFen < 0 || (item.SmallAmountThresholdFen > 0 && item.Kind != ResolutionKind.ReorganizationPlan))
                throw RuleViolationException.Invalid($"{at}.smallAmountThresholdFen", "A small-amount class is set by the court for a reorganization plan only, with a positive bound (EBL 82(2)).");
            if (item.ClosesAt is { } closes)
            {
                if (closes <= now) throw RuleViolationException.Invalid($"{at}.closesAt", "The closing time must lie in the future.");
                if (item.OpensAt is { } opens && opens >= closes)
                    throw RuleViolationException.Invalid($"{at}.closesAt", "Voting closes after it opens.");
            }
        }
    }

    public static void Validate(ScheduleMeeting command) => Validate(command, DateTimeOffset.MinValue);

    /// <summary>Accepts a lowercase or uppercase hex SHA-256 and returns it in lowercase.</summary>
    public static string Sha256(string? value, string field)
    {
        if (value is null || value.Length != 64 || !value.All(char.IsAsciiHexDigit))
            throw RuleViolationException.Invalid(field, "A SHA-256 is 64 hexadecimal characters.");
        return value.ToLowerInvariant();
    }

    public static void ValidateCloseTime(DateTimeOffset? closesAt, DateTimeOffset now)
    {
        if (closesAt is { } closes && closes <= now) throw RuleViolationException.Invalid("closesAt", "The closing time must lie in the future.");
    }

    public static void Validate(RecordProxy command)
    {
        CaseRules.Require(command.RepresentativeId, "representativeId", "the representative");
        CaseRules.Require(command.RecordedBy, "recordedBy", "who recorded the power of attorney");
        if (command.PrincipalIds is null || command.PrincipalIds.Count == 0)
            throw RuleViolationException.Invalid("principalIds", "A power of attorney names at least one principal.");
        if (command.PrincipalIds.Count > MaxBatch)
            throw RuleViolationException.Invalid("principalIds", $"One power of attorney names at most {MaxBatch:N0} principals.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < command.PrincipalIds.Count; i++)
        {
            var id = command.PrincipalIds[i];
            if (string.IsNullOrWhiteSpace(id)) throw RuleViolationException.Invalid($"principalIds[{i}]", "A principal id is required.");
            if (!seen.Add(id)) throw RuleViolationException.Invalid($"principalIds[{i}]", $"Principal {id} is named twice.");
            if (id == command.RepresentativeId) throw RuleViolationException.Invalid($"principalIds[{i}]", "A representative does not represent itself.");
        }
        if (command.ResolutionIds is { Count: 0 })
            throw RuleViolationException.Invalid("resolutionIds", "Name at least one resolution, or none (null) for the whole meeting.");
    }
}

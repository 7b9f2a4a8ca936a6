using CaseGrains.Cases;
using CaseGrains.Runtime;

namespace CaseGrains.Meetings;

public static class MeetingRules
{
    public static void Validate(ScheduleMeeting command)
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
            var item = command.Agenda[i];
            CaseRules.Require(item.ResolutionId, $"agenda[{i}].resolutionId", "the resolution's id");
            CaseRules.Require(item.Title, $"agenda[{i}].title", "the resolution's title");
            if (!seen.Add(item.ResolutionId)) throw RuleViolationException.Invalid($"agenda[{i}].resolutionId", "Resolution ids are unique within a meeting.");
            if (!Enum.IsDefined(item.Kind)) throw RuleViolationException.Invalid($"agenda[{i}].kind", "Unknown resolution kind.");
        }
    }
}

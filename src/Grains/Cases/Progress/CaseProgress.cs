using System.Text.Json;
using CaseGrains.Runtime;
using static CaseGrains.Cases.CaseNode;

namespace CaseGrains.Cases.Progress;

/// <summary>
/// Where a case stands on its path, rebuilt from the case's facts: which steps are complete, their due dates, what
/// is overdue, and whether a step may be completed or given a due date now. No I/O: the case grain feeds it facts
/// and the court's today.
/// </summary>
/// <remarks>
/// <para>Three steps complete without a progress fact, because a fact already in the ledger says they happened: the
/// acceptance and the appointment of the administrator by the case's opening (<see cref="CaseOpened"/>), and the
/// declaration period at the end of its last day, which the court set when it accepted the case or later through
/// <see cref="NodeDueDateSet"/>.</para>
/// <para>The administrator completes a step only once every earlier step on the path is complete. Steps completed by
/// a fact (a meeting adopting a plan, the final distribution) are recorded when the fact happens, whatever is still
/// open before them: the fact is true either way, and the stage stays at the earliest open step.</para>
/// </remarks>
public sealed class CaseProgress
{
    /// <summary>The actor of a step that completes because its time came.</summary>
    public const string ScheduleActor = "schedule";

    public const int MaxNoteLength = 2000;

    private readonly Dictionary<CaseNode, Completion> completions = [];
    private readonly Dictionary<CaseNode, NodeDueDateSet> dueDates = [];
    private CaseOpened? opening;

    private sealed record Completion(DateTimeOffset At, string By, string? Note, bool Automatic, DateOnly? Day = null)
    {
        public DateOnly On => Day ?? CourtCalendar.DayOf(At);
    }

    private sealed record Due(DateOnly? On, DueDateBasis Basis, DateOnly? Statutory, string? Reason);

    public void Apply(CaseFact fact)
    {
        switch (fact)
        {
            case CaseOpened o:
                opening = o;
                break;
            case ProgressNodeCompleted c:
                completions[c.Node] = new Completion(c.At, c.Actor, c.Note, c.Automatic);
                break;
            case NodeDueDateSet d:
                dueDates[d.Node] = d;
                break;
        }
    }

    /// <summary>The last day of the declaration period as the court set it: on the progress path, else at acceptance (EBL 45).</summary>
    public DateOnly? DeclarationDeadline =>
        dueDates.TryGetValue(DeclarationPeriod, out var set) ? set.DueOn : opening?.Case.DeclarationDeadline;

    private OpenCase Case => (opening ?? throw new InvalidOperationException("The case is not open.")).Case;

    private IReadOnlyList<CaseNode> Path => ProgressPath.For(Case.Procedure);

    public CaseProgressView View(string caseId, DateOnly today)
    {
        var nodes = Path.Select((node, i) =>
        {
            var completion = CompletionOf(node, today);
            var due = DueOf(node, today);
            return new ProgressNodeView(node, i + 1, due.On, due.Basis, NodeSchedule.Article(node), due.Statutory, completion is not null,
                completion?.At, completion?.By, completion?.Note, completion?.Automatic ?? false, completion is null && due.On < today)
            {
                DueReason = due.Reason,
                CompletedOn = completion?.On,
            };
        }).ToList();
        return new CaseProgressView(caseId, Case.Procedure, today, nodes.FirstOrDefault(n => !n.Completed)?.Node,
            [.. nodes.Where(n => n.Overdue).Select(n => n.Node)], nodes);
    }

    /// <summary>Throws the refusal unless the administrator may complete the step today.</summary>
    public void CheckCompletion(CompleteNode command, DateOnly today)
    {
        RequireOnPath(command.Node);
        if (string.IsNullOrWhiteSpace(command.Note) || command.Note.Length > MaxNoteLength)
            throw RuleViolationException.Invalid("note", $"Say what was done: a note of 1 to {MaxNoteLength} characters.");
        if (CompletionOf(command.Node, today) is { } done)
            throw RuleViolationException.Conflict("node", $"{Name(command.Node)} was completed on {done.On:yyyy-MM-dd}.");
        if (command.Node == DeclarationPeriod)
            throw RuleViolationException.Conflict("node", DeclarationDeadline is { } last
                ? $"The declaration period ends by itself after its last day, {last:yyyy-MM-dd}: creditors may declare until then (EBL 45)."
                : "The declaration period ends by itself after its last day, which the court has not set yet (EBL 45).");
        foreach (var earlier in Path.TakeWhile(n => n != command.Node))
            if (CompletionOf(earlier, today) is null)
                throw RuleViolationException.Conflict("node", $"{Name(command.Node)} comes after {Name(earlier)}, which is not complete yet.");
    }

    /// <summary>
    /// Throws the refusal unless the judge may give the step this due date today. A date in the past is allowed: the
    /// judge may be entering an order made before the case came onto the platform, and the step is simply overdue.
    /// For the declaration period that also ends it; claims declared meanwhile keep the lateness they were given
    /// when declared (EBL 56).
    /// </summary>
    public void CheckDueDate(SetNodeDueDate command, DateOnly today)
    {
        RequireOnPath(command.Node);
        if (command.Reason is { Length: > MaxNoteLength })
            throw RuleViolationException.Invalid("reason", $"The reason is longer than {MaxNoteLength} characters.");
        if (CompletionOf(command.Node, today) is { } done)
            throw RuleViolationException.Conflict("node", $"{Name(command.Node)} was completed on {done.On:yyyy-MM-dd}; its due date no longer changes.");
        if (command.DueOn < Case.AcceptedOn)
            throw RuleViolationException.Invalid("dueOn", $"A due date falls on or after the acceptance, {Case.AcceptedOn:yyyy-MM-dd}.");
        if (command.Node == DeclarationPeriod)
        {
            // Counted from the announcement once it is made; before that, from the earliest and latest days it may be made (EBL 14).
            var (earliest, latest) = CompletionOf(Announcement, today) is { } announced
                ? (announced.On, announced.On)
                : (Case.AcceptedOn, Case.AcceptedOn.AddDays(NodeSchedule.AnnouncementDays));
            var (first, last) = (earliest.AddDays(NodeSchedule.DeclarationMinDays), latest.AddMonths(NodeSchedule.DeclarationMaxMonths));
            if (command.DueOn < first || command.DueOn > last)
                throw RuleViolationException.Invalid("dueOn",
                    $"The declaration period runs at least {NodeSchedule.DeclarationMinDays} days and at most {NodeSchedule.DeclarationMaxMonths} months from the announcement (EBL 45): its last day lies from {first:yyyy-MM-dd} to {last:yyyy-MM-dd}.");
        }
    }

    /// <summary>The steps a closed vote completes that are not complete yet: the first meeting once its agenda is voted on, and the step an adopted plan settles.</summary>
    public IReadOnlyList<CaseNode> SettledBy(MeetingVoteClosed notice, DateOnly today)
    {
        var settled = new List<CaseNode>();
        if (notice.AgendaClosed) settled.Add(FirstMeeting);
        if (notice.Adopted && ProgressPath.SettledByAdoption(notice.Kind) is { } node) settled.Add(node);
        return [.. settled.Distinct().Where(n => Path.Contains(n) && CompletionOf(n, today) is null)];
    }

    /// <summary>Whether the final distribution completes the distribution step: on a liquidation path where it is still open.</summary>
    public bool SettledByFinalDistribution(DateOnly today) => Path.Contains(DistributionExecuted) && CompletionOf(DistributionExecuted, today) is null;

    /// <summary>The step's API name (camelCase), as refusals and the pages name it.</summary>
    public static string Name(CaseNode node) => JsonNamingPolicy.CamelCase.ConvertName(node.ToString());

    private void RequireOnPath(CaseNode node)
    {
        if (!Enum.IsDefined(node)) throw RuleViolationException.Invalid("node", "Unknown step.");
        if (!Path.Contains(node))
            throw RuleViolationException.NotFound("node", $"{Name(node)} is not a step of a {Case.Procedure.ToString().ToLowerInvariant()} case.");
    }

    private Completion? CompletionOf(CaseNode node, DateOnly today)
    {
        if (completions.TryGetValue(node, out var done)) return done;
        return node switch
        {
            Acceptance or AdministratorAppointed when opening is { } o => new Completion(o.At, o.Actor, null, true, o.Case.AcceptedOn),
            DeclarationPeriod when DeclarationDeadline is { } last && today > last =>
                new Completion(CourtCalendar.StartOf(last.AddDays(1)), ScheduleActor, null, true, last),
            _ => null,
        };
    }

    private DateOnly? CompletedOn(CaseNode node, DateOnly today) => CompletionOf(node, today)?.On;

    private Due DueOf(CaseNode node, DateOnly today)
    {
        var statutory = StatutoryDue(node, today);
        if (dueDates.TryGetValue(node, out var set)) return new Due(set.DueOn, DueDateBasis.Judge, statutory, set.Reason);
        if (node == DeclarationPeriod && Case.DeclarationDeadline is { } fixedAtAcceptance) return new Due(fixedAtAcceptance, DueDateBasis.Judge, statutory, null);
        return statutory is null ? new Due(null, DueDateBasis.None, null, null) : new Due(statutory, DueDateBasis.Statute, statutory, null);
    }

    /// <summary>What the law gives, counted from the acceptance or from when an earlier step was (or is due to be) done.</summary>
    private DateOnly? StatutoryDue(CaseNode node, DateOnly today)
    {
        var accepted = Case.AcceptedOn;
        return node switch
        {
            Acceptance or AdministratorAppointed => accepted,
            Announcement => accepted.AddDays(NodeSchedule.AnnouncementDays),
            // Without a period set by the court, the latest the law allows: a prompt for the judge to set it.
            DeclarationPeriod => (CompletedOn(Announcement, today) ?? DueOf(Announcement, today).On)?.AddMonths(NodeSchedule.DeclarationMaxMonths),
            ClaimList => DueOf(FirstMeeting, today).On,
            FirstMeeting => DueOf(DeclarationPeriod, today).On?.AddDays(NodeSchedule.FirstMeetingDays),
            PlanSubmitted => accepted.AddMonths(NodeSchedule.PlanMonths),
            PlanVote => CompletedOn(PlanSubmitted, today)?.AddDays(NodeSchedule.PlanVoteDays),
            PlanApproval => CompletedOn(PlanVote, today)?.AddDays(NodeSchedule.PlanApprovalDays),
            Termination => CompletedOn(DistributionExecuted, today)?.AddDays(NodeSchedule.TerminationDays),
            Deregistration => CompletedOn(Termination, today)?.AddDays(NodeSchedule.DeregistrationDays),
            _ => null,
        };
    }
}

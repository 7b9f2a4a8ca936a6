using static CaseGrains.Cases.CaseNode;

namespace CaseGrains.Cases.Progress;

/// <summary>
/// The periods the law gives the steps of a case. Periods are counted as Civil Code 201-203 count them: the day of the
/// event is not counted, so "within 25 days of the acceptance" ends 25 days after the acceptance day; a period in
/// months ends on the same-numbered day of the last month, or on that month's last day when it has no such day
/// (which is what <see cref="DateOnly.AddMonths"/> does).
/// </summary>
public static class NodeSchedule
{
    /// <summary>EBL 14: known creditors are notified and the acceptance announced within 25 days of the acceptance ruling.</summary>
    public const int AnnouncementDays = 25;

    /// <summary>EBL 45: the declaration period, counted from the announcement, is at least 30 days.</summary>
    public const int DeclarationMinDays = 30;

    /// <summary>EBL 45: … and at most 3 months.</summary>
    public const int DeclarationMaxMonths = 3;

    /// <summary>EBL 62: the first creditors' meeting is held within 15 days after the declaration period ends.</summary>
    public const int FirstMeetingDays = 15;

    /// <summary>EBL 79(1): the draft reorganization plan is submitted within 6 months of the reorganization ruling (the court may extend by 3, EBL 79(2)).</summary>
    public const int PlanMonths = 6;

    /// <summary>EBL 84(1): the court convenes the meeting that votes on the plan within 30 days of receiving it.</summary>
    public const int PlanVoteDays = 30;

    /// <summary>EBL 86(2): the application for approval comes within 10 days of adoption and the court rules within 30 days of receiving it.</summary>
    public const int PlanApprovalDays = 10 + 30;

    /// <summary>EBL 120(3): the court rules on terminating the proceedings within 15 days of the administrator's request after the final distribution.</summary>
    public const int TerminationDays = 15;

    /// <summary>EBL 121: the administrator applies to deregister the debtor within 10 days of the termination ruling.</summary>
    public const int DeregistrationDays = 10;

    /// <summary>The article that sets or bounds a step's due date; null where the law sets none and the judge decides.</summary>
    public static string? Article(CaseNode node) => node switch
    {
        Acceptance => "EBL 10",
        AdministratorAppointed => "EBL 13",
        Announcement => "EBL 14",
        DeclarationPeriod => "EBL 45",
        ClaimList => "EBL 58, 62",
        FirstMeeting => "EBL 62",
        PlanSubmitted => "EBL 79",
        PlanVote => "EBL 84",
        PlanApproval => "EBL 86",
        Termination => "EBL 120",
        Deregistration => "EBL 121",
        _ => null,
    };
}

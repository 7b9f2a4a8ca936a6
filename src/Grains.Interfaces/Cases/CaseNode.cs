namespace CaseGrains.Cases;

/// <summary>
/// A step of a case (流程节点) that the administrator completes and the judge supervises. Every case runs the common
/// steps up to the first creditors' meeting; after it, the case follows the branch of its procedure: liquidation
/// (Nantong's 17-node path), reorganization or settlement. Which steps belong to which branch, in which order, and
/// which due dates the law sets, is in <c>ProgressPath</c> and <c>NodeSchedule</c> (src/Grains/Cases/Progress).
/// </summary>
public enum CaseNode
{
    /// <summary>The court accepts the application (受理); done when the case is opened.</summary>
    Acceptance,
    /// <summary>The court appoints the administrator with the acceptance (EBL 13); done when the case is opened.</summary>
    AdministratorAppointed,
    /// <summary>Known creditors notified and the acceptance announced, within 25 days of acceptance (EBL 14).</summary>
    Announcement,
    /// <summary>The declaration period: 30 days to 3 months from the announcement, as the court sets it (EBL 45). Ends by itself after its last day.</summary>
    DeclarationPeriod,
    /// <summary>The administrator has reviewed the declared claims (EBL 57).</summary>
    ClaimReview,
    /// <summary>The claim list is drawn up and kept for inspection, to be checked at the first meeting (EBL 57-58).</summary>
    ClaimList,
    /// <summary>The first creditors' meeting, within 15 days after the declaration period ends (EBL 62).</summary>
    FirstMeeting,

    // Liquidation (破产清算)
    /// <summary>The debtor's property is investigated (EBL 25(1)(2)).</summary>
    PropertyInvestigation,
    /// <summary>The management plan of the debtor's property, adopted by the meeting or ruled on by the court (EBL 61(1)(8), 65).</summary>
    ManagementPlan,
    /// <summary>The realization (sale) plan, adopted by the meeting or ruled on by the court (EBL 61(1)(9), 65, 111).</summary>
    RealizationPlan,
    /// <summary>The estate is realized (sold), normally by auction (EBL 112).</summary>
    AssetRealization,
    /// <summary>The administrator proposes the distribution plan (EBL 115).</summary>
    DistributionPlan,
    /// <summary>The creditors' meeting votes on the distribution plan (EBL 61(1)(10), 64, 65(2)).</summary>
    DistributionVote,
    /// <summary>The court approves the distribution plan (EBL 115(3)).</summary>
    DistributionApproval,
    /// <summary>The administrator executes the (final) distribution (EBL 116).</summary>
    DistributionExecuted,
    /// <summary>The court rules to terminate the bankruptcy proceedings, within 15 days of the administrator's request (EBL 120).</summary>
    Termination,
    /// <summary>The administrator applies to deregister the debtor within 10 days of the termination ruling (EBL 121).</summary>
    Deregistration,

    // Reorganization (重整)
    /// <summary>The draft reorganization plan is submitted, within 6 months of the reorganization ruling, extendable by 3 (EBL 79).</summary>
    PlanSubmitted,
    /// <summary>The creditors' meeting votes on the plan by class, within 30 days of its submission (EBL 82-84, 87).</summary>
    PlanVote,
    /// <summary>The court approves the plan (or approves it over a rejecting class) and ends the reorganization proceedings (EBL 86-87).</summary>
    PlanApproval,
    /// <summary>The debtor executes the plan under the administrator's supervision (EBL 89-90).</summary>
    PlanExecution,
    /// <summary>The administrator reports to the court at the end of the supervision period (EBL 91).</summary>
    SupervisionReport,
    /// <summary>The plan has been executed (EBL 94).</summary>
    ExecutionCompleted,

    // Settlement (和解)
    /// <summary>The creditors' meeting votes on the settlement agreement (EBL 97).</summary>
    SettlementVote,
    /// <summary>The court approves the agreement and ends the settlement proceedings (EBL 98).</summary>
    SettlementApproval,
    /// <summary>The administrator hands the property and business back to the debtor and reports on its work (EBL 98).</summary>
    Handover,
    /// <summary>The settlement agreement has been performed (EBL 100, 106).</summary>
    SettlementPerformed,
}

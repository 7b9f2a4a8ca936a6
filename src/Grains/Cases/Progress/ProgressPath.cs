using CaseGrains.Meetings.Voting;
using static CaseGrains.Cases.CaseNode;

namespace CaseGrains.Cases.Progress;

/// <summary>
/// The steps of a case, in order. The common steps run from the acceptance to the first creditors' meeting; after it,
/// the case follows the branch of the procedure it was accepted under.
/// </summary>
/// <remarks>
/// <para>Liquidation is the 17-node path of the domain brief (Nantong's split): property investigation, the management
/// plan, the realization plan, realization, the distribution plan, its vote, the court's approval, the distribution,
/// the termination ruling and deregistration. In law the court declares the debtor bankrupt (EBL 107) before the
/// estate is realized; the brief's path has no step for it, and neither has this one. In practice the administrator
/// investigates the property and proposes the management plan before the first meeting, which usually adopts it; the
/// path keeps the brief's order, and a plan the meeting adopts completes its step whenever that happens.</para>
/// <para>Reorganization (EBL 70-94): the draft plan is submitted (EBL 79), the meeting votes on it by class (EBL 82-87),
/// the court approves it and ends the proceedings (EBL 86-87), the debtor executes it under the administrator's
/// supervision (EBL 89-90), the administrator reports at the end of supervision (EBL 91), and the plan is executed
/// (EBL 94).</para>
/// <para>Settlement (EBL 95-106): the meeting votes on the agreement (EBL 97), the court approves it and ends the
/// proceedings (EBL 98), the administrator hands the property back and reports (EBL 98), and the agreement is
/// performed.</para>
/// <para>The branch is the procedure the case was opened with. A case that converts (liquidation to reorganization
/// under EBL 70, or to settlement under EBL 95; a failed reorganization or settlement into liquidation under EBL 88,
/// 93, 99, 104) is not modelled: the court opens it anew under the other procedure.</para>
/// </remarks>
public static class ProgressPath
{
    public static readonly IReadOnlyList<CaseNode> Common =
        [Acceptance, AdministratorAppointed, Announcement, DeclarationPeriod, ClaimReview, ClaimList, FirstMeeting];

    public static readonly IReadOnlyList<CaseNode> Liquidation =
    [
        .. Common, PropertyInvestigation, ManagementPlan, RealizationPlan, AssetRealization, DistributionPlan, DistributionVote,
        DistributionApproval, DistributionExecuted, Termination, Deregistration,
    ];

    public static readonly IReadOnlyList<CaseNode> Reorganization =
        [.. Common, PlanSubmitted, PlanVote, PlanApproval, PlanExecution, SupervisionReport, ExecutionCompleted];

    public static readonly IReadOnlyList<CaseNode> Settlement =
        [.. Common, SettlementVote, SettlementApproval, Handover, SettlementPerformed];

    public static IReadOnlyList<CaseNode> For(Procedure procedure) => procedure switch
    {
        Procedure.Reorganization => Reorganization,
        Procedure.Settlement => Settlement,
        _ => Liquidation,
    };

    /// <summary>
    /// The step a resolution of this kind settles when the meeting adopts it. A resolution that fails settles nothing:
    /// what follows is the court's ruling (EBL 65), a further vote (EBL 65(2), 87) or the end of the procedure
    /// (EBL 88, 99), and the administrator completes the step when that is done.
    /// </summary>
    public static CaseNode? SettledByAdoption(ResolutionKind kind) => kind switch
    {
        ResolutionKind.PropertyManagementPlan => ManagementPlan,
        ResolutionKind.RealizationPlan => RealizationPlan,
        ResolutionKind.DistributionPlan => DistributionVote,
        ResolutionKind.ReorganizationPlan => PlanVote,
        ResolutionKind.SettlementAgreement => SettlementVote,
        _ => null,
    };
}

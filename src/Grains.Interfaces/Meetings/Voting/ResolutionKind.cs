namespace CaseGrains.Meetings.Voting;

/// <summary>What the creditors' meeting is voting on; decides the thresholds and who may vote (EBL 59, 61, 64, 84, 97).</summary>
public enum ResolutionKind
{
    /// <summary>Any other matter of EBL 61(1), decided under EBL 64(1).</summary>
    Ordinary,
    /// <summary>The settlement agreement (EBL 61(1)(7), 97).</summary>
    SettlementAgreement,
    /// <summary>The reorganization plan, voted by class (EBL 82-87).</summary>
    ReorganizationPlan,
    /// <summary>The distribution plan of the bankruptcy estate (EBL 61(1)(10), 64; on failure EBL 65(2)).</summary>
    DistributionPlan,
    /// <summary>The realization (sale) plan of the bankruptcy estate (EBL 61(1)(9), 64; on failure EBL 65(1)).</summary>
    RealizationPlan,
    /// <summary>The management plan of the debtor's property (EBL 61(1)(8), 64; on failure EBL 65(1)).</summary>
    PropertyManagementPlan,
}

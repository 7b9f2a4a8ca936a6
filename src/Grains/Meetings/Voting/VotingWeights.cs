using CaseGrains.Claims;

namespace CaseGrains.Meetings.Voting;

/// <summary>
/// Who votes on what and with which amount: the single place where the law's eligibility rules live, used both to
/// precompute a tally's weights and to explain an <see cref="EligibilityDecision"/>.
/// </summary>
/// <remarks>
/// Readings of the law chosen here:
/// <list type="bullet">
/// <item>A claim votes with its determined amount, or with the amount the court set provisionally; an undetermined
/// claim without one does not vote (EBL 59(2)). The secured part of a provisional amount is capped at that amount.
/// The same rule is applied under Chapter 11, where the court's temporary allowance plays that role (FRBP 3018(a)).</item>
/// <item>Employee claims are listed by the administrator, not declared (EBL 48), so their holders are not members
/// of the creditors' meeting (EBL 59(1)); employees are heard through their representatives without a vote
/// (EBL 59(5)). They therefore count neither in the numerator nor in the unsecured total of an EBL 64 or 97
/// resolution, and vote only in the employee class of a reorganization plan (EBL 82(1)(2)).</item>
/// <item>The denominator of EBL 64(1) and 97 ("无财产担保债权总额") is the unsecured part of every claim that carries
/// a vote, present or not. Claims that cannot vote (undetermined without a provisional amount, employee claims) are
/// left out: counting them would make them permanent "no" votes.</item>
/// <item>EBL 59(3) takes the vote on the settlement agreement and the distribution plan from the secured creditor
/// for the claim its collateral covers. The part its collateral does not cover is an ordinary claim (EBL 110) that
/// the settlement or distribution affects like any other, so it still votes; a creditor whose claims are all
/// covered by collateral whose priority it kept has no vote on those two matters. On other EBL 64 matters a secured
/// creditor votes by head and counts only its uncovered part in amount.</item>
/// <item>In a reorganization plan the covered part of a secured claim sits in the secured class and the uncovered
/// part in the class of the claim (EBL 82); a creditor in two classes counts by head in each. A waived priority
/// makes the whole claim unsecured everywhere.</item>
/// <item>Under Chapter 11 every allowed claim votes in full; EBL 48, 59(3) and 83 do not apply.</item>
/// </list>
/// </remarks>
internal static class VotingWeights
{
    /// <summary>Slots 0..5 are the <see cref="VotingClass"/> values; this one is the whole meeting.</summary>
    public const int General = 6;
    public const int SlotCount = 7;

    public static VotingClass? ClassOf(int slot) => slot == General ? null : (VotingClass)slot;

    /// <summary>
    /// Fills <paramref name="weights"/> (one per slot) and returns the bit mask of slots the voter is a member of.
    /// A member may have weight zero: a fully secured creditor on an EBL 64 matter counts by head only.
    /// </summary>
    public static int Weigh(
        Voter voter, ResolutionKind kind, VotingRuleSet rules, long smallAmountThresholdFen, VotingClass? only,
        Span<long> weights, List<string>? notes)
    {
        weights.Clear();
        int mask = kind == ResolutionKind.ReorganizationPlan
            ? WeighPlan(voter, rules, smallAmountThresholdFen, weights, notes)
            : rules == VotingRuleSet.PrcEbl
                ? WeighPrcMeeting(voter, kind, weights, notes)
                : WeighWholeClaims(voter, weights, notes);

        if (kind != ResolutionKind.ReorganizationPlan && voter.IsShareholder && mask == 0)
        {
            notes?.Add("A shareholder holding no claim with a vote is not a member of the creditors' meeting (EBL 59(1)); "
                + "shareholders vote only in the shareholder class of a reorganization plan (EBL 85(2)).");
        }

        if (only is VotingClass revoted)
        {
            int slot = (int)revoted;
            long kept = weights[slot];
            weights.Clear();
            if ((mask & (1 << slot)) == 0)
            {
                notes?.Add($"Not a member of the {revoted} class, which alone votes again (EBL 87(1)).");
                return 0;
            }

            weights[slot] = kept;
            return 1 << slot;
        }

        return mask;
    }

    private static int WeighPrcMeeting(Voter voter, ResolutionKind kind, Span<long> weights, List<string>? notes)
    {
        bool securedExcluded = kind is ResolutionKind.SettlementAgreement or ResolutionKind.DistributionPlan;
        string matter = kind == ResolutionKind.SettlementAgreement
            ? "the settlement agreement (EBL 59(3), 61(1)(7))"
            : "the distribution plan (EBL 59(3), 61(1)(10))";
        bool member = false;
        long amount = 0;
        foreach (var claim in voter.Claims)
        {
            if (!TryVotingAmount(claim, notes, out long full, out long secured))
            {
                continue;
            }

            if (claim.Class == ClaimClass.Employee)
            {
                notes?.Add($"Claim {claim.ClaimId} is an employee claim, listed by the administrator rather than declared (EBL 48); "
                    + "employees are heard through their representatives without a vote (EBL 59(5)).");
                continue;
            }

            long unsecured = full - secured;
            if (secured > 0)
            {
                if (securedExcluded)
                {
                    if (unsecured == 0)
                    {
                        notes?.Add($"Claim {claim.ClaimId} is fully covered by collateral whose priority was not waived: no vote on {matter}.");
                        continue;
                    }

                    notes?.Add($"Only the {Fen.Format(unsecured)} of claim {claim.ClaimId} not covered by collateral votes on {matter}; "
                        + "that part is an ordinary claim (EBL 110).");
                }
                else
                {
                    notes?.Add($"Claim {claim.ClaimId} counts by head; only its {Fen.Format(unsecured)} not covered by collateral "
                        + "counts against the unsecured total (EBL 64(1)).");
                }
            }

            member = true;
            amount += unsecured;
        }

        weights[General] = amount;
        return member ? 1 << General : 0;
    }

    private static int WeighWholeClaims(Voter voter, Span<long> weights, List<string>? notes)
    {
        bool member = false;
        long amount = 0;
        foreach (var claim in voter.Claims)
        {
            if (TryVotingAmount(claim, notes, out long full, out _))
            {
                member = true;
                amount += full;
            }
        }

        weights[General] = amount;
        return member ? 1 << General : 0;
    }

    private static int WeighPlan(Voter voter, VotingRuleSet rules, long smallAmountThresholdFen, Span<long> weights, List<string>? notes)
    {
        foreach (var claim in voter.Claims)
        {
            if (!TryVotingAmount(claim, notes, out long full, out long secured))
            {
                continue;
            }

            if (rules == VotingRuleSet.PrcEbl && claim.IsSocialInsurance)
            {
                notes?.Add($"Claim {claim.ClaimId} is social insurance the plan may not reduce; its holder does not vote on the plan (EBL 83).");
                continue;
            }

            weights[(int)VotingClass.Secured] += secured;
            var unsecuredClass = claim.Class switch
            {
                ClaimClass.Employee => VotingClass.Employee,
                ClaimClass.SocialInsuranceAndTax => VotingClass.Tax,
                _ => VotingClass.Ordinary,
            };
            weights[(int)unsecuredClass] += full - secured;
        }

        long ordinary = weights[(int)VotingClass.Ordinary];
        if (smallAmountThresholdFen > 0 && ordinary > 0 && ordinary <= smallAmountThresholdFen)
        {
            weights[(int)VotingClass.SmallAmountOrdinary] = ordinary;
            weights[(int)VotingClass.Ordinary] = 0;
        }

        if (voter.IsShareholder)
        {
            weights[(int)VotingClass.Shareholder] = voter.EquityFen;
        }

        int mask = 0;
        for (int slot = 0; slot < General; slot++)
        {
            if (weights[slot] > 0)
            {
                mask |= 1 << slot;
            }
        }

        return mask;
    }

    private static bool TryVotingAmount(VoterClaim claim, List<string>? notes, out long amount, out long secured)
    {
        secured = 0;
        if (claim.Determined)
        {
            amount = claim.AmountFen;
        }
        else if (claim.ProvisionalAmountFen is long provisional)
        {
            amount = provisional;
            notes?.Add($"Claim {claim.ClaimId} is not determined and votes with the {Fen.Format(provisional)} the court set provisionally (EBL 59(2)).");
        }
        else
        {
            amount = 0;
            notes?.Add($"Claim {claim.ClaimId} is not determined and the court has set no provisional amount: it does not vote (EBL 59(2)).");
            return false;
        }

        if (amount == 0)
        {
            notes?.Add($"Claim {claim.ClaimId} has no amount to vote with.");
            return false;
        }

        secured = claim.PriorityWaived ? 0 : Math.Min(claim.SecuredFen, amount);
        return true;
    }
}

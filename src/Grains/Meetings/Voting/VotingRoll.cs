using CaseGrains.Claims;
using CaseGrains.Runtime;

namespace CaseGrains.Meetings.Voting;

/// <summary>
/// The members of a creditors' meeting and their claims, validated once, from which any number of
/// <see cref="Tally"/> instances are built. Immutable.
/// </summary>
/// <remarks>
/// The statutory denominators are taken over every member, present or not: the case's total unsecured claims with
/// a vote (EBL 64(1), 97) and each reorganization class's total (EBL 84(2)). See <see cref="VotingWeights"/> for
/// which claims carry a vote.
/// </remarks>
public sealed class VotingRoll
{
    private readonly Voter[] voters;
    private readonly Dictionary<string, int> indexById;
    private readonly long[] classTotals = new long[VotingWeights.SlotCount];
    private readonly int[] classMembers = new int[VotingWeights.SlotCount];

    private VotingRoll(Voter[] voters, Dictionary<string, int> indexById, long smallAmountThresholdFen)
    {
        this.voters = voters;
        this.indexById = indexById;
        SmallAmountThresholdFen = smallAmountThresholdFen;

        Span<long> weights = stackalloc long[VotingWeights.SlotCount];
        foreach (var voter in voters)
        {
            AddTotals(voter, ResolutionKind.Ordinary, weights);
            AddTotals(voter, ResolutionKind.ReorganizationPlan, weights);
        }
    }

    /// <summary>The court's bound for the small-amount ordinary class (EBL 82(2)); 0 when there is no such class.</summary>
    public long SmallAmountThresholdFen { get; }

    public int Count => voters.Length;

    public IReadOnlyList<Voter> Voters => voters.AsReadOnly();

    /// <summary>
    /// The EBL 64(1) / 97 denominator: the unsecured part of every claim with a vote, over all members, present or
    /// not. The part covered by collateral whose priority was not waived is left out; a waived claim counts in full.
    /// </summary>
    public long UnsecuredTotalFen => classTotals[VotingWeights.General];

    /// <summary>A reorganization class's total under the EBL (EBL 84(2)): the denominator of its amount test.</summary>
    public long ClassTotalFen(VotingClass votingClass) => classTotals[Slot(votingClass)];

    /// <summary>How many members vote in a reorganization class under the EBL.</summary>
    public int ClassMembers(VotingClass votingClass) => classMembers[Slot(votingClass)];

    public bool Contains(string creditorId) => indexById.ContainsKey(creditorId);

    /// <summary>
    /// Validates and indexes the members. Refuses (<see cref="RuleViolation.Invalid"/>) duplicate creditor or claim
    /// ids, negative amounts, a secured part outside 0..amount, a shareholder without equity, and sums that do not fit
    /// in 64 bits.
    /// </summary>
    /// <param name="smallAmountThresholdFen">
    /// When positive, ordinary creditors whose ordinary claims total at most this amount vote in the
    /// <see cref="VotingClass.SmallAmountOrdinary"/> class of a reorganization plan (EBL 82(2)).
    /// </param>
    public static VotingRoll Create(IEnumerable<Voter> voters, long smallAmountThresholdFen = 0)
    {
        ArgumentNullException.ThrowIfNull(voters);
        if (smallAmountThresholdFen < 0)
        {
            throw RuleViolationException.Invalid("smallAmountThresholdFen", "The small-amount threshold cannot be negative.");
        }

        // Copies of the claim lists: a caller changing its lists later must not make tallies disagree with the totals.
        var list = voters.Select(v => v is null ? null! : v with { Claims = v.Claims?.ToArray()! }).ToArray();
        var index = new Dictionary<string, int>(list.Length, StringComparer.Ordinal);
        var claimIds = new HashSet<string>(StringComparer.Ordinal);
        long grandTotal = 0;
        for (int i = 0; i < list.Length; i++)
        {
            var voter = list[i] ?? throw RuleViolationException.Invalid("voters", "A voter is missing.");
            if (string.IsNullOrEmpty(voter.CreditorId))
            {
                throw RuleViolationException.Invalid("creditorId", "A voter has no creditor id.");
            }

            if (!index.TryAdd(voter.CreditorId, i))
            {
                throw RuleViolationException.Invalid("creditorId", $"Creditor {voter.CreditorId} is on the roll twice.");
            }

            grandTotal = Add(grandTotal, Validate(voter, claimIds));
        }

        return new VotingRoll(list, index, smallAmountThresholdFen);
    }

    internal bool TryIndexOf(string creditorId, out int index) => indexById.TryGetValue(creditorId, out index);

    internal Voter VoterAt(int index) => voters[index];

    private void AddTotals(Voter voter, ResolutionKind kind, Span<long> weights)
    {
        int mask = VotingWeights.Weigh(voter, kind, VotingRuleSet.PrcEbl, SmallAmountThresholdFen, null, weights, null);
        for (int slot = 0; slot < VotingWeights.SlotCount; slot++)
        {
            if ((mask & (1 << slot)) != 0)
            {
                classTotals[slot] += weights[slot];
                classMembers[slot]++;
            }
        }
    }

    /// <summary>Returns the largest amount the voter can ever weigh, so that every later sum is known to fit.</summary>
    private static long Validate(Voter voter, HashSet<string> claimIds)
    {
        if (voter.Claims is null)
        {
            throw RuleViolationException.Invalid("claims", $"Creditor {voter.CreditorId} has no claim list.");
        }

        if (voter.IsShareholder ? voter.EquityFen <= 0 : voter.EquityFen != 0)
        {
            throw RuleViolationException.Invalid("equityFen",
                $"Creditor {voter.CreditorId}: a shareholder needs a positive equity to weigh its vote in the shareholder class (EBL 85), and only a shareholder has one.");
        }

        long total = voter.EquityFen;
        foreach (var claim in voter.Claims)
        {
            if (claim is null || string.IsNullOrEmpty(claim.ClaimId))
            {
                throw RuleViolationException.Invalid("claimId", $"Creditor {voter.CreditorId} has a claim without an id.");
            }

            string where = $"Claim {claim.ClaimId} of creditor {voter.CreditorId}";
            if (!claimIds.Add(claim.ClaimId))
            {
                throw RuleViolationException.Invalid("claimId", $"{where} is on the roll twice.");
            }

            if (!Enum.IsDefined(claim.Class))
            {
                throw RuleViolationException.Invalid("class", $"{where} has an unknown class.");
            }

            if (claim.AmountFen < 0 || claim.ProvisionalAmountFen < 0)
            {
                throw RuleViolationException.Invalid("amountFen", $"{where} has a negative amount.");
            }

            if (claim.SecuredFen < 0 || claim.SecuredFen > claim.AmountFen)
            {
                throw RuleViolationException.Invalid("securedFen", $"{where}: the secured part must lie between 0 and the amount.");
            }

            if (claim.IsSocialInsurance && claim.Class != ClaimClass.SocialInsuranceAndTax)
            {
                throw RuleViolationException.Invalid("isSocialInsurance", $"{where} is marked social insurance but is not in that class.");
            }

            total = Add(total, Math.Max(claim.AmountFen, claim.ProvisionalAmountFen ?? 0));
        }

        return total;
    }

    private static long Add(long a, long b)
    {
        try
        {
            return checked(a + b);
        }
        catch (OverflowException)
        {
            throw RuleViolationException.Invalid("amountFen", "The claims on the roll add up to more than can be counted exactly.");
        }
    }

    private static int Slot(VotingClass votingClass) =>
        Enum.IsDefined(votingClass) ? (int)votingClass : throw new ArgumentOutOfRangeException(nameof(votingClass));
}

using CaseGrains.Runtime;

namespace CaseGrains.Meetings.Voting;

/// <summary>
/// Counts the ballots of one resolution incrementally. Each creditor's weights are computed once when the tally is
/// built, so <see cref="Record"/> and <see cref="MarkPresent"/> are O(1) and <see cref="View"/> and
/// <see cref="Evaluate"/> cost O(number of classes). Not thread-safe: the owning grain serializes calls.
/// </summary>
/// <remarks>
/// A creditor is present once it checks in or votes; presence is not withdrawn. Under the EBL the head tests count
/// present creditors with a vote (EBL 64(1), 84(2), 97), so abstaining, or being present without a ballot, counts
/// as not agreeing. Under Chapter 11 only acceptances and rejections count (11 U.S.C. 1126(c)).
/// Who votes with which amount, and the readings of EBL 48, 59 and 83 behind it, are set out on <see cref="VotingWeights"/>;
/// the tests themselves on <see cref="ClassRules"/>.
/// </remarks>
public sealed class Tally
{
    private const sbyte NoChoice = -1;

    private readonly VotingRoll roll;
    private readonly int[] memberStart;
    private readonly byte[] memberSlot;
    private readonly long[] memberWeight;
    private readonly sbyte[] choices;
    private readonly bool[] present;
    private readonly SlotCounter[] counters = new SlotCounter[VotingWeights.SlotCount];

    /// <summary>Opens the vote of a whole meeting on one resolution.</summary>
    public Tally(VotingRoll roll, ResolutionKind kind, VotingRuleSet rules)
        : this(roll, kind, rules, null)
    {
    }

    private Tally(VotingRoll roll, ResolutionKind kind, VotingRuleSet rules, VotingClass? revoteOf)
    {
        ArgumentNullException.ThrowIfNull(roll);
        if (!Enum.IsDefined(kind))
        {
            throw RuleViolationException.Invalid("kind", "Unknown resolution kind.");
        }

        if (!Enum.IsDefined(rules))
        {
            throw RuleViolationException.Invalid("rules", "Unknown rule set.");
        }

        this.roll = roll;
        Kind = kind;
        Rules = rules;
        RevoteOf = revoteOf;

        int n = roll.Count;
        memberStart = new int[n + 1];
        var slots = new List<byte>(n);
        var weights = new List<long>(n);
        Span<long> weighed = stackalloc long[VotingWeights.SlotCount];
        for (int i = 0; i < n; i++)
        {
            memberStart[i] = slots.Count;
            int mask = VotingWeights.Weigh(roll.VoterAt(i), kind, rules, roll.SmallAmountThresholdFen, revoteOf, weighed, null);
            for (int slot = 0; slot < VotingWeights.SlotCount; slot++)
            {
                if ((mask & (1 << slot)) != 0)
                {
                    slots.Add((byte)slot);
                    weights.Add(weighed[slot]);
                    counters[slot].Members++;
                    counters[slot].TotalFen += weighed[slot];
                }
            }
        }

        memberStart[n] = slots.Count;
        memberSlot = [.. slots];
        memberWeight = [.. weights];
        choices = new sbyte[n];
        Array.Fill(choices, NoChoice);
        present = new bool[n];
    }

    public ResolutionKind Kind { get; }

    public VotingRuleSet Rules { get; }

    /// <summary>The one reorganization class voting again under EBL 87(1), or null for a vote of the whole meeting.</summary>
    public VotingClass? RevoteOf { get; }

    /// <summary>Creditors with a ballot on record; changing a ballot does not count again.</summary>
    public int VotesRecorded { get; private set; }

    /// <summary>
    /// Opens the one further vote of a reorganization class that rejected the plan (EBL 87(1)). Only that class's
    /// members vote; combine the result with the first vote through <see cref="ReorganizationRevote.Combine"/>.
    /// </summary>
    public static Tally ForClassRevote(VotingRoll roll, VotingRuleSet rules, VotingClass votingClass)
    {
        if (!Enum.IsDefined(votingClass))
        {
            throw RuleViolationException.Invalid("votingClass", "Unknown voting class.");
        }

        var tally = new Tally(roll, ResolutionKind.ReorganizationPlan, rules, votingClass);
        if (tally.counters[(int)votingClass].Members == 0)
        {
            throw RuleViolationException.Conflict("votingClass", $"The {votingClass} class has no members to vote again.");
        }

        return tally;
    }

    /// <summary>Whether the creditor may vote on this resolution, in which classes and with what amounts, and why not.</summary>
    public EligibilityDecision Eligibility(string creditorId)
    {
        if (creditorId is null || !roll.TryIndexOf(creditorId, out int index))
        {
            const string notOnRoll = "Not on the voting roll: only creditors who declared claims are members of the creditors' meeting (EBL 59(1)).";
            return new EligibilityDecision(creditorId ?? "", false, [], notOnRoll, []);
        }

        var notes = new List<string>();
        Span<long> weighed = stackalloc long[VotingWeights.SlotCount];
        int mask = VotingWeights.Weigh(roll.VoterAt(index), Kind, Rules, roll.SmallAmountThresholdFen, RevoteOf, weighed, notes);
        var weights = new List<ClassWeight>();
        for (int slot = 0; slot < VotingWeights.SlotCount; slot++)
        {
            if ((mask & (1 << slot)) != 0)
            {
                weights.Add(new ClassWeight(VotingWeights.ClassOf(slot), weighed[slot]));
            }
        }

        string? reason = mask != 0 ? null
            : notes.Count > 0 ? string.Join(" ", notes)
            : "Holds no claim with a vote on this resolution.";
        return new EligibilityDecision(creditorId, mask != 0, weights, reason, notes);
    }

    /// <summary>Whether the creditor has a vote on this resolution: <see cref="Eligibility"/> without its explanation, and without allocating.</summary>
    public bool CanVote(string creditorId) =>
        creditorId is not null && roll.TryIndexOf(creditorId, out int index) && memberStart[index] != memberStart[index + 1];

    /// <summary>
    /// Checks a creditor in. A member without a vote on this resolution may attend but is not counted.
    /// Refuses a creditor who is not on the roll.
    /// </summary>
    public void MarkPresent(string creditorId)
    {
        int index = IndexOf(creditorId);
        if (!present[index] && memberStart[index] != memberStart[index + 1])
        {
            SetPresent(index);
        }
    }

    /// <summary>
    /// Records a ballot, replacing the creditor's earlier one (the last counts), and checks the creditor in.
    /// Refuses (<see cref="RuleViolation.NotAllowed"/>) a creditor without a vote on this resolution.
    /// </summary>
    public void Record(string creditorId, VoteChoice choice)
    {
        if ((uint)choice > (uint)VoteChoice.Abstain)
        {
            throw RuleViolationException.Invalid("choice", "Unknown vote choice.");
        }

        int index = IndexOf(creditorId);
        int start = memberStart[index];
        int end = memberStart[index + 1];
        if (start == end)
        {
            throw RuleViolationException.NotAllowed("creditorId", Eligibility(creditorId).Reason ?? "No vote on this resolution.");
        }

        if (!present[index])
        {
            SetPresent(index);
        }

        sbyte previous = choices[index];
        if (previous == (sbyte)choice)
        {
            return;
        }

        for (int m = start; m < end; m++)
        {
            ref var counter = ref counters[memberSlot[m]];
            if (previous != NoChoice)
            {
                counter.Add((VoteChoice)previous, memberWeight[m], -1);
            }

            counter.Add(choice, memberWeight[m], +1);
        }

        if (previous == NoChoice)
        {
            VotesRecorded++;
        }

        choices[index] = (sbyte)choice;
    }

    /// <summary>The creditor's own ballot, for its receipt; null when it has none. Never expose it to others.</summary>
    public VoteChoice? ChoiceOf(string creditorId)
    {
        int index = IndexOf(creditorId);
        return choices[index] == NoChoice ? null : (VoteChoice)choices[index];
    }

    public bool IsPresent(string creditorId) => present[IndexOf(creditorId)];

    /// <summary>Live aggregate numbers, per class for a reorganization plan, else for the whole meeting.</summary>
    public TallyView View()
    {
        var classes = new List<ClassTally>(VotingWeights.SlotCount);
        foreach (int slot in CountedSlots())
        {
            classes.Add(counters[slot].ToView(VotingWeights.ClassOf(slot)));
        }

        long? unsecuredDenominator = Kind != ResolutionKind.ReorganizationPlan && Rules == VotingRuleSet.PrcEbl
            ? counters[VotingWeights.General].TotalFen
            : null;
        return new TallyView(Kind, Rules, RevoteOf, VotesRecorded, unsecuredDenominator, classes);
    }

    /// <summary>Decides the resolution on the ballots so far, with every threshold and its exact numbers.</summary>
    public ResolutionOutcome Evaluate()
    {
        if (Kind == ResolutionKind.ReorganizationPlan)
        {
            var classes = new List<ClassOutcome>();
            foreach (int slot in CountedSlots())
            {
                classes.Add(ClassRules.Evaluate((VotingClass)slot, counters[slot], Rules, RevoteOf is not null));
            }

            return OutcomeText.ForPlan(Rules, classes, RevoteOf);
        }

        var checks = ClassRules.EvaluateMeeting(Kind, Rules, counters[VotingWeights.General]);
        return OutcomeText.ForMeeting(Kind, Rules, checks);
    }

    private IEnumerable<int> CountedSlots()
    {
        if (Kind != ResolutionKind.ReorganizationPlan)
        {
            yield return VotingWeights.General;
            yield break;
        }

        for (int slot = 0; slot < VotingWeights.General; slot++)
        {
            if (counters[slot].Members > 0)
            {
                yield return slot;
            }
        }
    }

    private void SetPresent(int index)
    {
        present[index] = true;
        for (int m = memberStart[index]; m < memberStart[index + 1]; m++)
        {
            counters[memberSlot[m]].Present++;
        }
    }

    private int IndexOf(string creditorId)
    {
        if (creditorId is null || !roll.TryIndexOf(creditorId, out int index))
        {
            throw RuleViolationException.NotAllowed("creditorId", "Not on the voting roll: only creditors who declared claims are members of the creditors' meeting (EBL 59(1)).");
        }

        return index;
    }
}

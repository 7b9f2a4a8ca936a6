using System.Numerics;
using CaseGrains.Claims;
using CaseGrains.Meetings.Voting;

namespace CaseGrains.Voting.Tests;

/// <summary>
/// A from-scratch recount written as plainly as possible, sharing no code with the engine: it rereads every claim
/// and every ballot each time it is asked, and compares with BigInteger.
/// </summary>
internal sealed class NaiveRecount(Voter[] voters, ResolutionKind kind, VotingRuleSet rules, long smallThresholdFen, VotingClass? only)
{
    private readonly HashSet<string> present = [];
    private readonly Dictionary<string, VoteChoice> ballots = [];

    public bool IsPlan => kind == ResolutionKind.ReorganizationPlan;

    /// <summary>Applies a check-in; false when the engine must refuse it (not on the roll).</summary>
    public bool MarkPresent(string id)
    {
        var voter = voters.FirstOrDefault(v => v.CreditorId == id);
        if (voter is null)
        {
            return false;
        }

        if (Weights(voter).Count > 0)
        {
            present.Add(id);
        }

        return true;
    }

    /// <summary>Applies a ballot; false when the engine must refuse it.</summary>
    public bool Record(string id, VoteChoice choice)
    {
        var voter = voters.FirstOrDefault(v => v.CreditorId == id);
        if (voter is null || Weights(voter).Count == 0)
        {
            return false;
        }

        present.Add(id);
        ballots[id] = choice;
        return true;
    }

    public List<(VotingClass? Class, long Fen)> Weights(Voter v)
    {
        var claims = v.Claims
            .Where(c => c.Determined || c.ProvisionalAmountFen != null)
            .Select(c =>
            {
                long amount = c.Determined ? c.AmountFen : c.ProvisionalAmountFen!.Value;
                long secured = c.PriorityWaived ? 0 : Math.Min(c.SecuredFen, amount);
                return (c.Class, c.IsSocialInsurance, Amount: amount, Secured: secured, Unsecured: amount - secured);
            })
            .Where(c => c.Amount > 0)
            .ToList();
        var w = new List<(VotingClass? Class, long Fen)>();
        if (kind == ResolutionKind.ReorganizationPlan)
        {
            if (rules == VotingRuleSet.PrcEbl)
            {
                claims = claims.Where(c => !c.IsSocialInsurance).ToList();
            }

            long ordinary = claims.Where(c => c.Class == ClaimClass.Ordinary).Sum(c => c.Unsecured);
            bool small = smallThresholdFen > 0 && ordinary > 0 && ordinary <= smallThresholdFen;
            var candidates = new (VotingClass Class, long Fen)[]
            {
                (VotingClass.Secured, claims.Sum(c => c.Secured)),
                (VotingClass.Employee, claims.Where(c => c.Class == ClaimClass.Employee).Sum(c => c.Unsecured)),
                (VotingClass.Tax, claims.Where(c => c.Class == ClaimClass.SocialInsuranceAndTax).Sum(c => c.Unsecured)),
                (small ? VotingClass.SmallAmountOrdinary : VotingClass.Ordinary, ordinary),
                (VotingClass.Shareholder, v.IsShareholder ? v.EquityFen : 0),
            };
            foreach (var (cls, fen) in candidates)
            {
                if (fen > 0 && (only is null || only == cls))
                {
                    w.Add((cls, fen));
                }
            }
        }
        else if (rules == VotingRuleSet.UsChapter11)
        {
            if (claims.Count > 0)
            {
                w.Add((null, claims.Sum(c => c.Amount)));
            }
        }
        else
        {
            var usable = claims.Where(c => c.Class != ClaimClass.Employee);
            if (kind is ResolutionKind.SettlementAgreement or ResolutionKind.DistributionPlan)
            {
                usable = usable.Where(c => c.Unsecured > 0);
            }

            if (usable.Any())
            {
                w.Add((null, usable.Sum(c => c.Unsecured)));
            }
        }

        return w;
    }

    private long WeightIn(Voter v, VotingClass? cls) => Weights(v).Single(w => w.Class == cls).Fen;

    public List<VotingClass?> Classes() => IsPlan
        ? Enum.GetValues<VotingClass>().Where(c => voters.Any(v => Weights(v).Any(w => w.Class == c))).Select(c => (VotingClass?)c).ToList()
        : [null];

    public ClassTally Count(VotingClass? cls)
    {
        var members = voters.Where(v => Weights(v).Any(w => w.Class == cls)).ToList();
        int Heads(VoteChoice choice) => members.Count(v => ballots.TryGetValue(v.CreditorId, out var b) && b == choice);
        long Fen(VoteChoice choice) => members.Where(v => ballots.TryGetValue(v.CreditorId, out var b) && b == choice).Sum(v => WeightIn(v, cls));
        return new ClassTally(cls, members.Count, members.Count(v => present.Contains(v.CreditorId)),
            Heads(VoteChoice.For), Heads(VoteChoice.Against), Heads(VoteChoice.Abstain),
            Fen(VoteChoice.For), Fen(VoteChoice.Against), Fen(VoteChoice.Abstain), members.Sum(v => WeightIn(v, cls)));
    }

    public int VotesRecorded => ballots.Count;

    /// <summary>The expected tests in the engine's order, and whether the resolution passes.</summary>
    public (List<Expect> Checks, bool Passed) Decide()
    {
        var checks = new List<Expect>();
        var accepted = new List<bool>();
        foreach (var cls in Classes())
        {
            var c = Count(cls);
            var mine = new List<Expect>();
            if (rules == VotingRuleSet.UsChapter11)
            {
                long votedFen = c.AmountForFen + c.AmountAgainstFen;
                mine.Add(new(c.AmountForFen, votedFen, 3 * (BigInteger)c.AmountForFen >= 2 * (BigInteger)votedFen));
                if (cls != VotingClass.Shareholder)
                {
                    int voted = c.HeadsFor + c.HeadsAgainst;
                    mine.Add(new(c.HeadsFor, voted, 2 * c.HeadsFor > voted));
                }
            }
            else
            {
                mine.Add(new(c.HeadsFor, c.HeadsPresent, 2 * c.HeadsFor > c.HeadsPresent));
                BigInteger agreed = c.AmountForFen, total = c.TotalFen;
                bool amountMet = IsPlan || kind == ResolutionKind.SettlementAgreement ? 3 * agreed >= 2 * total : 2 * agreed >= total;
                mine.Add(new(c.AmountForFen, c.TotalFen, amountMet));
            }

            checks.AddRange(mine);
            accepted.Add(mine.All(e => e.Passed));
        }

        return (checks, accepted.Count > 0 && accepted.All(a => a));
    }
}

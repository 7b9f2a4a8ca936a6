using CaseGrains.Claims;
using CaseGrains.Meetings.Voting;

namespace CaseGrains.Voting.Tests;

/// <summary>Short builders for voters and claims; amounts are in fen. Claim ids are derived from the creditor id.</summary>
internal static class Roll
{
    private static int nextClaim;

    public static Voter V(string id, params VoterClaim[] claims) => new(id, claims);

    public static Voter Shareholder(string id, long equityFen, params VoterClaim[] claims) => new(id, claims, IsShareholder: true, EquityFen: equityFen);

    public static VoterClaim Ord(long fen) => Claim(ClaimClass.Ordinary, fen);

    public static VoterClaim Tax(long fen) => Claim(ClaimClass.SocialInsuranceAndTax, fen);

    public static VoterClaim SocialInsurance(long fen) => Claim(ClaimClass.SocialInsuranceAndTax, fen) with { IsSocialInsurance = true };

    public static VoterClaim Emp(long fen) => Claim(ClaimClass.Employee, fen);

    /// <summary>An ordinary-class claim of which <paramref name="securedFen"/> is covered by collateral.</summary>
    public static VoterClaim Sec(long fen, long securedFen, bool waived = false) =>
        Claim(ClaimClass.Ordinary, fen) with { SecuredFen = securedFen, PriorityWaived = waived };

    public static VoterClaim Undetermined(long declaredFen, long? provisionalFen) =>
        Claim(ClaimClass.Ordinary, declaredFen) with { Determined = false, ProvisionalAmountFen = provisionalFen };

    private static VoterClaim Claim(ClaimClass cls, long fen) =>
        new($"c{Interlocked.Increment(ref nextClaim)}", cls, fen, 0, false, true, null);
}

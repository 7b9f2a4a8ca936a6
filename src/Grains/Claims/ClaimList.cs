namespace CaseGrains.Claims;

/// <summary>Draws up the claim list (债权表) from a case's claims: rows in declaration order and totals by class.</summary>
public static class ClaimList
{
    public static ClaimListView Build(string caseId, string caseNumber, string debtorName, DateTimeOffset asOf, IEnumerable<ClaimView> claims)
    {
        var rows = new List<ClaimListRow>();
        foreach (var claim in claims)
        {
            if (claim.Status == ClaimStatus.Withdrawn) continue;
            rows.Add(new ClaimListRow(rows.Count + 1, claim.ClaimId, claim.CreditorId, claim.Class, claim.Origin,
                claim.PrincipalFen, claim.InterestFen, claim.OtherFen, claim.DeclaredFen, claim.SecuredFen, claim.Collateral,
                claim.Status, Confirmed(claim), IsDetermined(claim.Status) ? 0 : claim.DeclaredFen, claim.Late, claim.JoinsDistributionRound,
                claim.Reason));
        }

        var totals = Enum.GetValues<ClaimClass>().Select(c => Total(c, rows.Where(r => r.Class == c))).ToList();
        return new ClaimListView(caseId, caseNumber, debtorName, asOf, rows, totals, Total(null, rows));
    }

    /// <summary>Confirmed, partially confirmed and rejected claims are determined; the rest wait for review or the court.</summary>
    public static bool IsDetermined(ClaimStatus status) =>
        status is ClaimStatus.Confirmed or ClaimStatus.PartiallyConfirmed or ClaimStatus.Rejected;

    private static long Confirmed(ClaimView claim) =>
        claim.Status is ClaimStatus.Confirmed or ClaimStatus.PartiallyConfirmed ? claim.ConfirmedFen ?? 0 : 0;

    private static ClaimClassTotal Total(ClaimClass? @class, IEnumerable<ClaimListRow> rows)
    {
        int count = 0;
        long declared = 0, confirmed = 0, undetermined = 0, rejected = 0, securedConfirmed = 0;
        foreach (var row in rows)
        {
            count++;
            declared += row.DeclaredFen;
            confirmed += row.ConfirmedFen;
            undetermined += row.UndeterminedFen;
            if (row.Status == ClaimStatus.Rejected) rejected += row.DeclaredFen;
            securedConfirmed += Math.Min(row.SecuredFen, row.ConfirmedFen);
        }
        return new ClaimClassTotal(@class, count, declared, confirmed, undetermined, rejected, securedConfirmed);
    }
}

using CaseGrains.Runtime;

namespace CaseGrains.Claims.Rules;

/// <summary>
/// Splits a tax bureau's declaration into its priority and ordinary parts.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Tax owed, education surcharges included, ranks in EBL 113 item (2) (STA announcement 2019 No. 48 art. 4).</item>
/// <item>Late-payment fees arising before acceptance are ordinary claims (the same article; SPC reply 法释〔2012〕9号).
/// Fees after acceptance are not bankruptcy claims at all (SPC Interpretation III of the EBL, art. 3), and the
/// announcement computes everything up to the acceptance date, so a fee line dated after it is refused.</item>
/// <item>Special-adjustment interest is an ordinary claim (announcement art. 4) and, being interest, stops at
/// acceptance (EBL 46).</item>
/// <item>Fines: the bureau declares them (announcement art. 4), but a fine is neither tax nor compensation. The
/// 2002 SPC rules on bankruptcy cases (art. 61) excluded fines from bankruptcy claims; the 2018 Minutes of the
/// National Courts' Bankruptcy Trial Work Conference (art. 28) instead pay pre-acceptance administrative fines
/// only after every EBL 113 class is paid in full. This follows the Minutes: a fine is kept, as subordinated,
/// and counts in neither the priority nor the ordinary part, so it never dilutes ordinary creditors.</item>
/// </list>
/// </remarks>
public static class TaxClaimSplit
{
    /// <exception cref="RuleViolationException">
    /// Invalid, naming the line field ("lines[2].accruedUntil", "lines[0].amountFen", ...): an empty declaration,
    /// a negative amount, a missing tax type, a missing or post-acceptance date, or a total too large.
    /// </exception>
    public static TaxClaimSplitResult Split(IReadOnlyList<TaxClaimLine> lines, DateOnly acceptance)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            throw RuleViolationException.Invalid("lines", "a tax declaration needs at least one line");
        }

        var outcomes = new List<TaxLineOutcome>(lines.Count);
        long priority = 0, ordinary = 0, subordinated = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i] ?? throw RuleViolationException.Invalid($"lines[{i}]", "the line is missing");
            Validate(line, i, acceptance);

            var (rank, explanation) = Rank(line, acceptance);
            try
            {
                checked
                {
                    switch (rank)
                    {
                        case TaxLineRank.Priority: priority += line.AmountFen; break;
                        case TaxLineRank.Ordinary: ordinary += line.AmountFen; break;
                        default: subordinated += line.AmountFen; break;
                    }

                    // Overflows here rather than later in TotalFen.
                    _ = priority + ordinary + subordinated;
                }
            }
            catch (OverflowException)
            {
                throw RuleViolationException.Invalid("lines", "the declaration's total does not fit in a fen amount");
            }

            outcomes.Add(new TaxLineOutcome(i, line.Kind, line.TaxType, line.Period, line.AmountFen, rank, ClassOf(rank), explanation));
        }

        return new TaxClaimSplitResult(priority, ordinary, subordinated, outcomes);
    }

    private static void Validate(TaxClaimLine line, int i, DateOnly acceptance)
    {
        if (!Enum.IsDefined(line.Kind))
        {
            throw RuleViolationException.Invalid($"lines[{i}].kind", $"'{line.Kind}' is not a kind of tax line");
        }

        if (string.IsNullOrWhiteSpace(line.TaxType))
        {
            throw RuleViolationException.Invalid($"lines[{i}].taxType", "name the tax the line is for");
        }

        if (line.AmountFen < 0)
        {
            throw RuleViolationException.Invalid($"lines[{i}].amountFen", "the amount must not be negative");
        }

        var accrues = line.Kind is TaxLineKind.LateFee or TaxLineKind.SpecialAdjustmentInterest;
        if (accrues && line.AccruedUntil is null)
        {
            throw RuleViolationException.Invalid(
                $"lines[{i}].accruedUntil",
                $"a {Name(line.Kind)} line must say up to which date it was computed; it stops at the acceptance date {acceptance:yyyy-MM-dd}");
        }

        if (line.AccruedUntil is { } until && until > acceptance)
        {
            var reason = line.Kind switch
            {
                TaxLineKind.LateFee =>
                    $"late-payment fees stop at the acceptance date {acceptance:yyyy-MM-dd}, but this line runs to {until:yyyy-MM-dd}: fees after acceptance are not bankruptcy claims (SPC Interpretation III of the EBL, art. 3; STA announcement 2019 No. 48 art. 4); recompute the fee up to the acceptance date",
                TaxLineKind.SpecialAdjustmentInterest =>
                    $"interest stops at the acceptance date {acceptance:yyyy-MM-dd} (EBL 46), but this line runs to {until:yyyy-MM-dd}; recompute it up to the acceptance date",
                _ =>
                    $"a declaration covers what was owed at the acceptance date {acceptance:yyyy-MM-dd} (STA announcement 2019 No. 48 art. 4), but this {Name(line.Kind)} line is dated {until:yyyy-MM-dd}",
            };
            throw RuleViolationException.Invalid($"lines[{i}].accruedUntil", reason);
        }
    }

    private static (TaxLineRank Rank, string Explanation) Rank(TaxClaimLine line, DateOnly acceptance) => line.Kind switch
    {
        TaxLineKind.TaxPrincipal => (TaxLineRank.Priority,
            $"{line.TaxType} {line.Period}: tax owed (所欠税款) ranks in priority, EBL 113 item (2)"),
        TaxLineKind.Surcharge => (TaxLineRank.Priority,
            $"{line.TaxType} {line.Period}: education surcharges count as tax (STA announcement 2019 No. 48 art. 4) and rank in priority, EBL 113 item (2)"),
        TaxLineKind.LateFee => (TaxLineRank.Ordinary,
            $"{line.TaxType} {line.Period}: late-payment fee (滞纳金) up to {line.AccruedUntil:yyyy-MM-dd}, before acceptance on {acceptance:yyyy-MM-dd}, is an ordinary claim (STA announcement 2019 No. 48 art. 4; SPC reply 法释〔2012〕9号)"),
        TaxLineKind.SpecialAdjustmentInterest => (TaxLineRank.Ordinary,
            $"{line.TaxType} {line.Period}: special-adjustment interest up to {line.AccruedUntil:yyyy-MM-dd} is an ordinary claim (STA announcement 2019 No. 48 art. 4)"),
        TaxLineKind.Fine => (TaxLineRank.Subordinated,
            $"{line.TaxType} {line.Period}: an administrative fine (罚款) is paid only after every EBL 113 class is paid in full (2018 Minutes of the National Courts' Bankruptcy Trial Work Conference, art. 28); it is in neither the priority nor the ordinary part"),
        _ => throw new ArgumentOutOfRangeException(nameof(line), line.Kind, "unknown tax line kind"),
    };

    private static ClaimClass? ClassOf(TaxLineRank rank) => rank switch
    {
        TaxLineRank.Priority => ClaimClass.SocialInsuranceAndTax,
        TaxLineRank.Ordinary => ClaimClass.Ordinary,
        _ => null,
    };

    private static string Name(TaxLineKind kind) => kind switch
    {
        TaxLineKind.TaxPrincipal => "tax",
        TaxLineKind.Surcharge => "surcharge",
        TaxLineKind.LateFee => "late-fee",
        TaxLineKind.Fine => "fine",
        TaxLineKind.SpecialAdjustmentInterest => "special-adjustment interest",
        _ => kind.ToString(),
    };
}

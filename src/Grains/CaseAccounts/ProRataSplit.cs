namespace CaseGrains.CaseAccounts;

/// <summary>
/// Splits an amount in proportion to weights in whole fen by the largest-remainder method: each line first gets its
/// exact share rounded down; the fen left over (fewer than the number of lines) go one each to the lines with the
/// largest remainders. The amounts add up to the total exactly: no fen is created or lost.
/// </summary>
/// <remarks>
/// Tie-break: lines with equal remainders take the leftover fen in list order, the earlier line first. For a
/// distribution that follows the claim list, list order is the claim list's, which is declaration order, so an
/// earlier claim wins a tied fen. Each share is computed as total × weight ÷ sum of weights in 128-bit integers, so
/// amounts up to 10^15 fen never overflow and nothing passes through floating point. When the total is at most the
/// sum of the weights, no line is paid more than its weight.
/// </remarks>
public static class ProRataSplit
{
    public static long[] Split(long totalFen, IReadOnlyList<long> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        ArgumentOutOfRangeException.ThrowIfNegative(totalFen);
        if (weights.Count == 0) throw new ArgumentException("There is nothing to split among.", nameof(weights));
        Int128 sum = 0;
        foreach (var w in weights)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(w, nameof(weights));
            sum += w;
        }
        if (sum == 0) throw new ArgumentException("The weights add up to zero.", nameof(weights));

        var amounts = new long[weights.Count];
        var remainders = new Int128[weights.Count];
        long assigned = 0;
        for (var i = 0; i < weights.Count; i++)
        {
            var exact = (Int128)totalFen * weights[i];
            amounts[i] = (long)(exact / sum);
            remainders[i] = exact % sum;
            assigned += amounts[i];
        }

        var left = totalFen - assigned;
        if (left > 0)
        {
            var order = new int[weights.Count];
            for (var i = 0; i < order.Length; i++) order[i] = i;
            Array.Sort(order, (a, b) => remainders[a] != remainders[b] ? remainders[b].CompareTo(remainders[a]) : a.CompareTo(b));
            for (var k = 0; k < left; k++) amounts[order[k]]++;
        }
        return amounts;
    }
}

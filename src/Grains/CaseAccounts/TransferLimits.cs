namespace CaseGrains.CaseAccounts;

/// <summary>Which of the account's limits a transfer goes over, given what has already left the account.</summary>
public static class TransferLimits
{
    /// <param name="paidTodayFen">What has left the account on the court day the transfer would execute.</param>
    /// <param name="paidTotalFen">What has left the account in all.</param>
    /// <returns>The limits exceeded, in the order per transfer, per day, cumulative; empty when the transfer may execute at once.</returns>
    public static IReadOnlyList<TransferLimit> Exceeded(AccountLimits limits, long amountFen, long paidTodayFen, long paidTotalFen)
    {
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfNegative(amountFen);
        var exceeded = new List<TransferLimit>(3);
        if (amountFen > limits.PerTransferFen) exceeded.Add(TransferLimit.PerTransfer);
        if (Over(paidTodayFen, amountFen, limits.PerDayFen)) exceeded.Add(TransferLimit.PerDay);
        if (Over(paidTotalFen, amountFen, limits.CumulativeFen)) exceeded.Add(TransferLimit.Cumulative);
        return exceeded;
    }

    /// <summary>already + amount &gt; limit, without adding (no overflow).</summary>
    private static bool Over(long already, long amount, long limit) => already > limit || amount > limit - already;
}

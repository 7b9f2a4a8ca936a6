using CaseGrains.Claims;
using CaseGrains.Runtime;

namespace CaseGrains.CaseAccounts;

/// <summary>What a request to the case account must look like; each refusal names the request field.</summary>
public static class CaseAccountRules
{
    /// <summary>The most one deposit, transfer or distribution moves: 10^15 fen, as for claims.</summary>
    public const long MaxFen = ClaimRules.MaxFen;

    /// <summary>The most the account may hold, and the highest limit: far beyond any estate, and safe from overflow.</summary>
    public const long MaxBalanceFen = 100 * MaxFen;

    public const int MaxDistributionLines = 10_000;

    public static OpenCaseAccount ValidateOpening(OpenCaseAccount command)
    {
        Text(command.AccountName, "accountName", "the account name", 200);
        var number = AccountNumber(command.AccountNumber, "accountNumber");
        Text(command.BankName, "bankName", "the bank", 200);
        Limits(command.Limits, "limits.");
        return command with { AccountNumber = number };
    }

    /// <param name="prefix">What the limit fields are named under in the request ("limits." when nested, "" at the top).</param>
    public static void Limits(AccountLimits? limits, string prefix)
    {
        if (limits is null) throw RuleViolationException.Invalid(prefix.Length > 0 ? prefix.TrimEnd('.') : "limits", "The limits are required: per transfer, per day and cumulative.");
        Limit(limits.PerTransferFen, prefix + "perTransferFen");
        Limit(limits.PerDayFen, prefix + "perDayFen");
        Limit(limits.CumulativeFen, prefix + "cumulativeFen");
    }

    public static void ValidateLimitChange(SetAccountLimits command)
    {
        Limits(command.Limits, "");
        OptionalReason(command.Reason);
    }

    public static void ValidateCancellation(CancelTransfer command)
    {
        Id(command.TransferId, "transferId");
        OptionalReason(command.Reason);
    }

    private static void OptionalReason(string? reason)
    {
        if (reason is { Length: > 2000 }) throw RuleViolationException.Invalid("reason", "The reason is longer than 2000 characters.");
    }

    public static void ValidateDeposit(RecordDeposit command)
    {
        Amount(command.AmountFen, "amountFen");
        Text(command.Source, "source", "the source of the money", 500);
        Text(command.Reference, "reference", "the bank reference", 100);
    }

    public static RequestTransfer ValidateTransfer(RequestTransfer command)
    {
        var payee = command.Payee ?? throw RuleViolationException.Invalid("payee", "The payee is required.");
        Text(payee.Name, "payee.name", "the payee's name", 200);
        var number = AccountNumber(payee.AccountNumber, "payee.accountNumber");
        if (payee.BankName is not null) Text(payee.BankName, "payee.bankName", "the payee's bank", 200);
        if (payee.CreditorId is not null) Id(payee.CreditorId, "payee.creditorId");
        Amount(command.AmountFen, "amountFen");
        Text(command.Purpose, "purpose", "the purpose", 500);
        return command with { Payee = payee with { AccountNumber = number } };
    }

    /// <summary>Checks the parts of a distribution that do not depend on the claim list.</summary>
    public static void ValidateDistribution(PayDistribution command)
    {
        Amount(command.TotalFen, "totalFen");
        Text(command.Purpose, "purpose", "the purpose", 500);
        if (command.Class is null == command.Shares is null)
            throw RuleViolationException.Invalid("class", "Give either the class whose confirmed claims are paid, or the shares listed by hand, not both.");
        if (command.Class is { } c && !Enum.IsDefined(c))
            throw RuleViolationException.Invalid("class", "The class is employee, socialInsuranceAndTax or ordinary.");
        if (command.Shares is not { } shares) return;
        if (shares.Count == 0) throw RuleViolationException.Invalid("shares", "A distribution pays at least one payee.");
        if (shares.Count > MaxDistributionLines) throw RuleViolationException.Invalid("shares", $"A distribution pays at most {MaxDistributionLines} payees.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long total = 0;
        for (var i = 0; i < shares.Count; i++)
        {
            var share = shares[i] ?? throw RuleViolationException.Invalid($"shares[{i}]", "The share is missing.");
            Id(share.PayeeId, $"shares[{i}].payeeId");
            if (!seen.Add(share.PayeeId)) throw RuleViolationException.Invalid($"shares[{i}].payeeId", $"Payee {share.PayeeId} is listed twice.");
            Amount(share.WeightFen, $"shares[{i}].weightFen");
            total += share.WeightFen;
            if (total > MaxBalanceFen) throw RuleViolationException.Invalid("shares", "The shares add up to more than any estate owes (10^17 fen).");
        }
    }

    public static void ValidateDecision(DecideTransfer command, bool reasonRequired)
    {
        Id(command.TransferId, "transferId");
        if (reasonRequired) Text(command.Reason, "reason", "the reason", 2000);
        else if (command.Reason is { Length: > 2000 }) throw RuleViolationException.Invalid("reason", "The reason is longer than 2000 characters.");
    }

    /// <summary>A bank account number without the spaces and dashes people group it with: 6 to 34 letters and digits (34 is the longest IBAN).</summary>
    public static string AccountNumber(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value)) throw RuleViolationException.Invalid(field, "The account number is required.");
        var compact = string.Concat(value.Where(c => !char.IsWhiteSpace(c) && c != '-')).ToUpperInvariant();
        if (compact.Length is < 6 or > 34 || !compact.All(char.IsAsciiLetterOrDigit))
            throw RuleViolationException.Invalid(field, "An account number is 6 to 34 letters and digits (spaces and dashes are ignored).");
        return compact;
    }

    private static void Amount(long fen, string field)
    {
        if (fen <= 0) throw RuleViolationException.Invalid(field, "The amount is at least 1 fen.");
        if (fen > MaxFen) throw RuleViolationException.Invalid(field, "The amount is larger than any one payment can be (10^15 fen).");
    }

    private static void Limit(long fen, string field)
    {
        if (fen < 0) throw RuleViolationException.Invalid(field, "A limit is 0 fen or more (0: every transfer needs the judge).");
        if (fen > MaxBalanceFen) throw RuleViolationException.Invalid(field, "A limit is at most 10^17 fen.");
    }

    private static void Text(string? value, string field, string what, int max)
    {
        var said = char.ToUpperInvariant(what[0]) + what[1..];
        if (string.IsNullOrWhiteSpace(value)) throw RuleViolationException.Invalid(field, $"{said} is required.");
        if (value.Length > max) throw RuleViolationException.Invalid(field, $"{said} is longer than {max} characters.");
    }

    private static void Id(string? value, string field)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 64 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw RuleViolationException.Invalid(field, "An id is 1 to 64 letters, digits, '-' or '_'.");
    }
}

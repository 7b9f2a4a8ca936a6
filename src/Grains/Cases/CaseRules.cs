using CaseGrains.Identity;
using CaseGrains.Runtime;

namespace CaseGrains.Cases;

/// <summary>What a case must have when the court opens it.</summary>
public static class CaseRules
{
    /// <summary>Checks the command; returns it with the debtor's credit code in its canonical (upper-case) form.</summary>
    public static OpenCase Validate(OpenCase command)
    {
        Require(command.CaseNumber, "caseNumber", "the court's case number");
        Require(command.Court, "court", "the accepting court");
        Require(command.DebtorName, "debtorName", "the debtor's name");
        Require(command.JudgeId, "judgeId", "the presiding judge");
        Require(command.AdministratorId, "administratorId", "the appointed administrator");
        Require(command.DebtorCreditCode, "debtorCreditCode", "the debtor's unified social credit code");
        if (!UnifiedSocialCreditCode.TryParse(command.DebtorCreditCode, out var code))
            throw RuleViolationException.Invalid("debtorCreditCode",
                "This is not a unified social credit code: 18 characters from 0-9 and A-Y without I, O, S, V and Z, the region digits in places 3-8, and a check character that matches (GB 32100-2015).");
        if (!Enum.IsDefined(command.Procedure))
            throw RuleViolationException.Invalid("procedure", "Procedure must be liquidation, reorganization or settlement.");
        if (command.AcceptedOn == default)
            throw RuleViolationException.Invalid("acceptedOn", "The acceptance date is required.");
        if (command.DeclarationDeadline is { } deadline && deadline <= command.AcceptedOn)
            throw RuleViolationException.Invalid("declarationDeadline", "The declaration period ends after the acceptance date (EBL 45).");
        return command with { DebtorCreditCode = code.Value };
    }

    internal static void Require(string? value, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw RuleViolationException.Invalid(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} is required.");
        if (value.Length > 200)
            throw RuleViolationException.Invalid(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} is longer than 200 characters.");
    }
}

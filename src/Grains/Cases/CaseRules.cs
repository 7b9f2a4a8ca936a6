using CaseGrains.Runtime;

namespace CaseGrains.Cases;

/// <summary>What a case must have when the court opens it.</summary>
public static class CaseRules
{
    public static void Validate(OpenCase command)
    {
        Require(command.CaseNumber, "caseNumber", "the court's case number");
        Require(command.Court, "court", "the accepting court");
        Require(command.DebtorName, "debtorName", "the debtor's name");
        Require(command.JudgeId, "judgeId", "the presiding judge");
        Require(command.AdministratorId, "administratorId", "the appointed administrator");
        if (!Enum.IsDefined(command.Procedure))
            throw RuleViolationException.Invalid("procedure", "Procedure must be liquidation, reorganization or settlement.");
        if (command.AcceptedOn == default)
            throw RuleViolationException.Invalid("acceptedOn", "The acceptance date is required.");
    }

    internal static void Require(string? value, string field, string what)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw RuleViolationException.Invalid(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} is required.");
        if (value.Length > 200)
            throw RuleViolationException.Invalid(field, $"{char.ToUpperInvariant(what[0])}{what[1..]} is longer than 200 characters.");
    }
}

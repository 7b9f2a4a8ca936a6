namespace CaseGrains.Cases;

/// <summary>The bankruptcy procedure the court accepted the case under.</summary>
public enum Procedure
{
    Liquidation,
    Reorganization,
    Settlement,
}

namespace CaseGrains.Claims;

/// <summary>How a claim came onto the claim list.</summary>
public enum ClaimOrigin
{
    /// <summary>The creditor declared it (EBL 49).</summary>
    Creditor,
    /// <summary>Someone else declared it for the creditor, with a power of attorney.</summary>
    Proxy,
    /// <summary>A source department (the tax bureau) declared it by machine.</summary>
    Department,
    /// <summary>The administrator listed it: employee claims are not declared (EBL 48).</summary>
    Administrator,
}

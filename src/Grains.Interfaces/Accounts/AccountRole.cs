namespace CaseGrains.Accounts;

/// <summary>What a person's account is for. Source departments never sign in as people: they use the signed machine API.</summary>
public enum AccountRole
{
    /// <summary>Runs the platform: creates staff accounts, registers departments. Sees no case data by this role alone.</summary>
    PlatformAdmin,
    /// <summary>A judge of a court; sees every case of that court.</summary>
    Judge,
    /// <summary>A bankruptcy administrator (trustee); acts on the cases they are appointed to.</summary>
    Administrator,
    /// <summary>A creditor (or a creditor's proxy), bound to one creditor identity by invitation.</summary>
    Creditor,
}

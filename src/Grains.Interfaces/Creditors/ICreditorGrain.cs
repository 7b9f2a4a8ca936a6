using CaseGrains.Runtime;

namespace CaseGrains.Creditors;

/// <summary>A creditor (a person or an organization), keyed by creditor id.</summary>
public interface ICreditorGrain : IGrainWithStringKey
{
    Task<CreditorProfile> Register(CreditorProfile profile);

    /// <summary>The profile, or null when no creditor has this id.</summary>
    Task<CreditorProfile?> Get();
}

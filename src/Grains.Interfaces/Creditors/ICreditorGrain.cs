using CaseGrains.Runtime;

namespace CaseGrains.Creditors;

/// <summary>A creditor (a person or an organization), keyed by creditor id.</summary>
public interface ICreditorGrain : IGrainWithStringKey
{
    /// <summary>Registers or updates the profile; answers with the masked view.</summary>
    Task<CreditorView> Register(CreditorProfile profile);

    /// <summary>The masked view, or null when no creditor has this id.</summary>
    Task<CreditorView?> Get();

    /// <summary>The full profile, for the holder, the administrator and the judge only; null when there is none.</summary>
    Task<CreditorProfile?> GetUnmasked();

    /// <summary>Records that the creditor takes part in a case (invited, or a claim in its name); the case calls it.</summary>
    Task JoinCase(string caseId);

    /// <summary>The cases the creditor takes part in: their judges and administrators may read the profile.</summary>
    Task<IReadOnlyList<string>> GetCases();
}

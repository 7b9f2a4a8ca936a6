using CaseGrains.Runtime;

namespace CaseGrains.Cases;

/// <summary>A list of case ids under one heading: <c>court:{court}</c> for a court's judges, <c>administrator:{username}</c> for an administrator.</summary>
public interface ICaseDirectoryGrain : IGrainWithStringKey
{
    Task Add(string caseId);

    Task<IReadOnlyList<string>> List();
}

/// <summary>The keys of the case directories.</summary>
public static class CaseDirectoryKeys
{
    public static string ForCourt(string court) => $"court:{court}";
    public static string ForAdministrator(string username) => $"administrator:{username}";
}

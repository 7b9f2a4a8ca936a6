namespace CaseGrains.Cases;

public sealed class CaseDirectoryState
{
    public List<string> CaseIds { get; set; } = [];
}

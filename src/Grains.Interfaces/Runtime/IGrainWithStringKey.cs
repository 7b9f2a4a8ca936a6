namespace CaseGrains.Runtime;

/// <summary>A grain addressed by a string key (a case number, a creditor id, a department code).</summary>
public interface IGrainWithStringKey : IGrain;

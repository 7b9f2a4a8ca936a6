namespace CaseGrains.Sharing;

/// <summary>Why one record of a batch was not kept: its index in the batch, its key when it had one, the field and the reason.</summary>
public sealed record RecordProblem(int Index, string? Key, string Field, string Reason);

namespace CaseGrains.Creditors;

public sealed class CreditorState
{
    public CreditorProfile? Profile { get; set; }
}

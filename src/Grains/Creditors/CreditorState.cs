namespace CaseGrains.Creditors;

public sealed class CreditorState
{
    public CreditorProfile? Profile { get; set; }

    public HashSet<string> Cases { get; set; } = new(StringComparer.Ordinal);
}

namespace CaseGrains.Creditors;

public enum CreditorKind
{
    Person,
    Organization,
}

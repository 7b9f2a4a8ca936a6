namespace CaseGrains.Departments;

public sealed class DepartmentState
{
    public DepartmentRegistration? Registration { get; set; }
}

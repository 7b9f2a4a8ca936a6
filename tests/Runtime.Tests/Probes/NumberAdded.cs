namespace CaseGrains.Runtime.Tests.Probes;

public sealed record NumberAdded(int Number);

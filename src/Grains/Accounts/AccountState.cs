namespace CaseGrains.Accounts;

public sealed class AccountState
{
    public NewAccount? Account { get; set; }
    public bool Disabled { get; set; }
    public int Failures { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public long LastTotpStep { get; set; }
    public Dictionary<string, SessionRecord> Sessions { get; set; } = [];
    public HashSet<string> Cases { get; set; } = [];
}

public sealed class SessionRecord
{
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset LastUsed { get; set; }
}

namespace CaseGrains.Sharing;

public enum UpdateFrequency
{
    RealTime,
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Yearly,
}

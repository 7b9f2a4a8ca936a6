namespace CaseGrains.Meetings.Voting;

/// <summary>Running totals of one voting class (or of the whole meeting) inside a <see cref="Tally"/>.</summary>
internal struct SlotCounter
{
    public int Members;
    public int Present;
    public int For;
    public int Against;
    public int Abstain;
    public long TotalFen;
    public long ForFen;
    public long AgainstFen;
    public long AbstainFen;

    public void Add(VoteChoice choice, long weight, int sign)
    {
        switch (choice)
        {
            case VoteChoice.For:
                For += sign;
                ForFen += sign * weight;
                break;
            case VoteChoice.Against:
                Against += sign;
                AgainstFen += sign * weight;
                break;
            default:
                Abstain += sign;
                AbstainFen += sign * weight;
                break;
        }
    }

    public readonly ClassTally ToView(VotingClass? votingClass) =>
        new(votingClass, Members, Present, For, Against, Abstain, ForFen, AgainstFen, AbstainFen, TotalFen);
}

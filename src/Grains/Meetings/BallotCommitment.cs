using System.Security.Cryptography;
using System.Text;

namespace CaseGrains.Meetings;

/// <summary>
/// The public stand-in for a ballot: lowercase hex SHA-256 of the UTF-8 text
/// <c>casegrains-ballot/v1\n{meeting}\n{resolution}\n{creditor}\n{choice}\n{ballotNumber}\n{salt}</c>.
/// With the salt (which only the voter receives) anyone can recompute it; without it the choice cannot be guessed.
/// </summary>
public static class BallotCommitment
{
    public static string Of(BallotCast ballot) =>
        Of(ballot.MeetingId, ballot.ResolutionId, ballot.CreditorId, ballot.Choice.ToString(), ballot.BallotNumber, ballot.Salt);

    public static string Of(string meetingId, string resolutionId, string creditorId, string choice, long ballotNumber, string salt)
    {
        var text = $"casegrains-ballot/v1\n{meetingId}\n{resolutionId}\n{creditorId}\n{choice}\n{ballotNumber}\n{salt}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}

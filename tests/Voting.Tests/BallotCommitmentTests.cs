using System.Security.Cryptography;
using System.Text;
using CaseGrains.Meetings;

namespace CaseGrains.Voting.Tests;

/// <summary>The commitment is what a creditor recomputes from a receipt, so it must be exactly the documented hash.</summary>
public sealed class BallotCommitmentTests
{
    [Theory]
    [InlineData("m-1", "r1", "cr-0001", "For", 1, "00112233445566778899aabbccddeeff")]
    [InlineData("会议-甲", "决议一", "债权人张三", "Against", 12, "salt")]
    [InlineData("m", "r", "c", "Abstain", long.MaxValue, "")]
    public void The_commitment_is_the_sha256_of_the_documented_text(string meeting, string resolution, string creditor, string choice, long number, string salt)
    {
        var documented = $"casegrains-ballot/v1\n{meeting}\n{resolution}\n{creditor}\n{choice}\n{number}\n{salt}";

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(documented))),
            BallotCommitment.Of(meeting, resolution, creditor, choice, number, salt));
    }

    [Fact]
    public void A_text_longer_than_the_stack_buffer_hashes_the_same_way()
    {
        var salt = string.Concat(Enumerable.Repeat("盐", 2000));

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"casegrains-ballot/v1\nm\nr\nc\nFor\n3\n{salt}"))),
            BallotCommitment.Of("m", "r", "c", "For", 3, salt));
    }

    [Fact]
    public void Commitments_made_one_after_another_on_one_thread_each_hash_only_their_own_text()
    {
        for (var number = 1; number <= 3; number++)
        {
            var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"casegrains-ballot/v1\nm\nr\nc\nFor\n{number}\ns")));
            Assert.Equal(expected, BallotCommitment.Of("m", "r", "c", "For", number, "s"));
        }
    }

    [Fact]
    public void Salts_are_sixteen_random_bytes_never_repeated_across_refills_of_the_random_block()
    {
        // 1,000 salts take 16,000 bytes: the per-thread 4 KiB block is refilled three times along the way.
        var salts = Enumerable.Range(0, 1000).Select(_ => BallotCommitment.NewSalt()).ToList();

        Assert.All(salts, s => Assert.Matches("^[0-9a-f]{32}$", s));
        Assert.Equal(salts.Count, salts.Distinct(StringComparer.Ordinal).Count());
        Assert.DoesNotContain(new string('0', 32), salts);
    }
}

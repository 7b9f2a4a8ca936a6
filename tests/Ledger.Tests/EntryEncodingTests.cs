using System.Text;
using CaseGrains.Ledger;

namespace CaseGrains.Ledger.Tests;

/// <summary>Verifiers hash the stored bytes, so the writer's form must stay exactly as documented, whichever thread encodes.</summary>
public sealed class EntryEncodingTests
{
    [Fact]
    public void An_entry_is_written_in_the_documented_order_with_non_ascii_escaped()
    {
        var entry = LedgerEntryEncoding.Encode("c-1", 7, new DateTimeOffset(2026, 11, 23, 9, 2, 3, 456, TimeSpan.FromHours(8)),
            "张三", "vote.cast", Encoding.UTF8.GetBytes("""{"a":1}"""));

        Assert.Equal("""{"v":1,"case":"c-1","position":7,"time":"2026-11-23T01:02:03.4560000Z","actor":"\u5F20\u4E09","kind":"vote.cast","data":{"a":1}}""",
            Encoding.UTF8.GetString(entry.Encoded));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 1, 2, 3, 456, TimeSpan.Zero), entry.Time);
    }

    [Fact]
    public async Task Entries_encoded_at_once_on_many_threads_keep_their_own_bytes()
    {
        static string Pad(int j) => new('x', j * 7 % 300);
        var encoded = await Task.WhenAll(Enumerable.Range(0, 64).Select(i => Task.Run(() =>
            Enumerable.Range(0, 200)
                .Select(j => LedgerEntryEncoding.Encode($"case-{i}", j, DateTimeOffset.UnixEpoch, $"actor-{i}", "k", Encoding.UTF8.GetBytes($"{{\"pad\":\"{Pad(j)}\"}}")).Encoded)
                .ToList())));

        for (var i = 0; i < encoded.Length; i++)
            for (var j = 0; j < encoded[i].Count; j++)
            {
                var decoded = LedgerEntryEncoding.Decode(encoded[i][j]);
                Assert.Equal((i, (long)j, $"actor-{i}"), (int.Parse(decoded.CaseId["case-".Length..]), decoded.Position, decoded.Actor));
                Assert.EndsWith($"\"data\":{{\"pad\":\"{Pad(j)}\"}}}}", LedgerEntryEncoding.Describe(decoded));
            }
    }
}

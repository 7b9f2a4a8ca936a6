using System.Security.Cryptography;

namespace CaseGrains.Ledger;

/// <summary>
/// The server's own check of a case's stored ledger, reading storage and nothing the server holds in memory: the rows
/// up to the newest checkpoint go through <see cref="LedgerAudit"/> exactly as an exported ledger would (positions,
/// cases, bytes against recorded leaf hashes, the signed root); rows after it must follow on without a gap and hash to
/// the leaf hashes recorded when they were written.
/// </summary>
public sealed class LedgerIntegrityCheck(ILedgerStore store, LedgerLog log) : ILedgerIntegrity
{
    public async Task<LedgerCheckResult> CheckAsync(string caseId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(caseId);
        var checkpoint = await store.ReadLatestCheckpointAsync(caseId, cancellationToken);
        long checkedSize = 0;
        if (checkpoint is not null)
        {
            long size;
            try
            {
                size = checkpoint.Size;
            }
            catch (FormatException e)
            {
                return Fail(caseId, LedgerAuditProblem.MalformedCheckpoint, null, "the newest stored checkpoint is damaged: " + e.Message, 0, null);
            }
            var rows = LedgerRows.AsExportedAsync(LedgerRows.ReadAsync(store, caseId, 0, size, cancellationToken), cancellationToken);
            var audit = await LedgerAudit.VerifyAsync(rows, checkpoint.Note, log.Verifier, caseId, cancellationToken);
            if (!audit.Ok)
                return Fail(caseId, audit.Problem, audit.Position, audit.Message, audit.EntriesRead, size);
            checkedSize = size;
        }

        var expected = checkedSize;
        await foreach (var row in LedgerRows.ReadAsync(store, caseId, checkedSize, long.MaxValue, cancellationToken))
        {
            var problem = CheckTail(caseId, expected, row);
            if (problem is { } p)
                return Fail(caseId, p.Problem, expected, p.Message, expected - checkedSize, checkpoint is null ? null : checkedSize);
            expected++;
        }

        var message = checkpoint is null
            ? $"{expected} stored entries follow on and hash as recorded; no checkpoint is published yet"
            : $"{checkedSize} stored entries match the checkpoint signed at size {checkedSize}"
              + (expected > checkedSize ? $"; the {expected - checkedSize} entries after it follow on and hash as recorded" : "");
        return new LedgerCheckResult(caseId, true, Name(LedgerAuditProblem.None), null, message, expected, checkpoint is null ? null : checkedSize);
    }

    private static (LedgerAuditProblem Problem, string Message)? CheckTail(string caseId, long expected, StoredLedgerEntry row)
    {
        if (row.Position != expected)
            return (LedgerAuditProblem.PositionMismatch, $"position {expected} is missing from storage: the next stored row is position {row.Position}");
        LedgerEntry decoded;
        try
        {
            decoded = LedgerEntryEncoding.Decode(row.Entry);
        }
        catch (FormatException e)
        {
            return (LedgerAuditProblem.MalformedEntry, "the entry is not a ledger entry: " + e.Message);
        }
        if (decoded.Position != expected)
            return (LedgerAuditProblem.PositionMismatch, $"the row at position {expected} holds the entry of position {decoded.Position}: entries were moved");
        if (decoded.CaseId != caseId)
            return (LedgerAuditProblem.WrongCase, $"the entry is of case '{decoded.CaseId}', not '{caseId}'");
        if (!CryptographicOperations.FixedTimeEquals(MerkleHash.Leaf(row.Entry), row.LeafHash))
            return (LedgerAuditProblem.LeafHashMismatch, "the entry's bytes do not hash to the leaf hash recorded when it was written: the entry or the hash was altered");
        return null;
    }

    private static LedgerCheckResult Fail(string caseId, LedgerAuditProblem problem, long? position, string message, long entriesChecked, long? checkpointSize) =>
        new(caseId, false, Name(problem), position, message, entriesChecked, checkpointSize);

    /// <summary>The problem's name as the API spells it: "leafHashMismatch".</summary>
    private static string Name(LedgerAuditProblem problem)
    {
        var name = problem.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }
}

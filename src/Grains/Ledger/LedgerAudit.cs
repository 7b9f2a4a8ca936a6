using System.Security.Cryptography;

namespace CaseGrains.Ledger;

/// <summary>
/// Offline verification of a case's whole ledger against a signed checkpoint, naming the first bad position.
/// </summary>
/// <remarks>
/// Checks, in this order: the checkpoint parses and is signed by the log key; then, entry by entry, that it decodes,
/// that its own "position" equals its index in the export, that its case is the log's case, and that its bytes hash
/// to the leaf hash recorded next to it; then that the count equals the checkpoint size and that the leaves hash to
/// the signed root. Because the recorded leaf hashes must themselves hash to the signed root, a mismatch at one
/// position pins the fault to that entry; if someone rewrote an entry and its recorded hash alike, only the root
/// check can catch it and no single position can be named.
/// </remarks>
public static class LedgerAudit
{
    /// <param name="entries">The entries in export order; may be streamed, and may throw
    /// <see cref="LedgerExportFormatException"/> for an unreadable line, which is reported at its position.</param>
    /// <param name="signedCheckpoint">The signed checkpoint note covering exactly these entries.</param>
    /// <param name="verifier">The log's public key.</param>
    /// <param name="caseId">The case the ledger must be of; by default the case named in the checkpoint origin
    /// (see <see cref="LedgerOrigin"/>), or failing that the first entry's case.</param>
    public static LedgerAuditResult Verify(IEnumerable<ExportedEntry> entries, string signedCheckpoint, NoteVerifier verifier, string? caseId = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (Start(signedCheckpoint, verifier, caseId, out var started) is not { } scan)
            return started.Failure!;
        try
        {
            foreach (var entry in entries)
                scan.Add(entry);
        }
        catch (LedgerExportFormatException e)
        {
            scan.AddUnreadable(e);
        }
        return scan.Finish(started.Checkpoint!);
    }

    /// <summary>
    /// As <see cref="Verify(IEnumerable{ExportedEntry}, string, NoteVerifier, string?)"/>, for entries read
    /// asynchronously, e.g. page by page from storage, so that a large ledger is never held in memory.
    /// </summary>
    public static async Task<LedgerAuditResult> VerifyAsync(
        IAsyncEnumerable<ExportedEntry> entries, string signedCheckpoint, NoteVerifier verifier, string? caseId = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (Start(signedCheckpoint, verifier, caseId, out var started) is not { } scan)
            return started.Failure!;
        try
        {
            await foreach (var entry in entries.WithCancellation(cancellationToken))
                scan.Add(entry);
        }
        catch (LedgerExportFormatException e)
        {
            scan.AddUnreadable(e);
        }
        return scan.Finish(started.Checkpoint!);
    }

    /// <summary>The checks that come before any entry: the checkpoint parses, is signed by the log key and is of the case.</summary>
    private static Scan? Start(string signedCheckpoint, NoteVerifier verifier, string? caseId, out (SignedCheckpoint? Checkpoint, LedgerAuditResult? Failure) outcome)
    {
        ArgumentNullException.ThrowIfNull(signedCheckpoint);
        ArgumentNullException.ThrowIfNull(verifier);

        SignedCheckpoint checkpoint;
        try
        {
            checkpoint = SignedCheckpoint.Parse(signedCheckpoint);
        }
        catch (FormatException e)
        {
            outcome = (null, new LedgerAuditResult(LedgerAuditProblem.MalformedCheckpoint, null, "the checkpoint is malformed: " + e.Message, 0));
            return null;
        }
        if (!checkpoint.IsSignedBy(verifier))
        {
            outcome = (null, new LedgerAuditResult(LedgerAuditProblem.BadSignature, null,
                $"the checkpoint of {checkpoint.Origin} at size {checkpoint.Size} has no valid signature by {verifier.Name} ({verifier.KeyId:x8})", 0));
            return null;
        }

        var originHasCase = LedgerOrigin.TryGetCaseId(checkpoint.Origin, out var originCase);
        if (caseId is not null && originHasCase && originCase != caseId)
        {
            outcome = (null, new LedgerAuditResult(LedgerAuditProblem.WrongCase, null,
                $"the checkpoint is of case '{originCase}' ({checkpoint.Origin}), not '{caseId}'", 0));
            return null;
        }
        outcome = (checkpoint, null);
        return new Scan(caseId ?? (originHasCase ? originCase : null));
    }

    /// <summary>Verifies an export read from <paramref name="export"/> (see <see cref="LedgerExport"/>), held in memory.</summary>
    public static LedgerAuditResult Verify(TextReader export, NoteVerifier verifier, string? caseId = null)
    {
        IReadOnlyList<ExportedEntry> entries;
        string checkpoint;
        try
        {
            (entries, checkpoint) = LedgerExport.Read(export);
        }
        catch (LedgerExportFormatException e)
        {
            return new LedgerAuditResult(LedgerAuditProblem.MalformedEntry, e.EntryIndex, e.Message, e.EntryIndex);
        }
        catch (FormatException e)
        {
            return new LedgerAuditResult(LedgerAuditProblem.MalformedCheckpoint, null, e.Message, 0);
        }
        return Verify(entries, checkpoint, verifier, caseId);
    }

    /// <summary>The walk over the entries: remembers the first fault, and what later entries say about it.</summary>
    private sealed class Scan(string? expectedCase)
    {
        private readonly MerkleRootAccumulator computed = new();
        private readonly MerkleRootAccumulator recorded = new();
        private long index;
        private string? caseId = expectedCase;
        private (LedgerAuditProblem Problem, long Position, string Message)? fault;
        private long? displacedFoundAt;
        private long? displacedClaims;
        private bool someHashesAbsent;

        public void Add(ExportedEntry entry)
        {
            if (fault is null)
            {
                var leaf = MerkleHash.Leaf(entry.Encoded);
                Check(entry, leaf);
                Accumulate(entry, leaf);
            }
            else if (fault.Value.Problem == LedgerAuditProblem.LeafHashMismatch)
            {
                // Both roots are still needed to tell whether the entry or its recorded hash changed.
                Accumulate(entry, MerkleHash.Leaf(entry.Encoded));
            }
            else if (fault.Value.Problem == LedgerAuditProblem.PositionMismatch && displacedFoundAt is null
                     && TryDecode(entry.Encoded)?.Position == fault.Value.Position)
            {
                displacedFoundAt = index;
            }
            index++;
        }

        private void Accumulate(ExportedEntry entry, byte[] leaf)
        {
            computed.Append(leaf);
            someHashesAbsent |= entry.LeafHash is null;
            recorded.Append(entry.LeafHash is { Length: MerkleHash.Size } hash ? hash : leaf);
        }

        public void AddUnreadable(LedgerExportFormatException e)
        {
            fault ??= (LedgerAuditProblem.MalformedEntry, e.EntryIndex, "the export line cannot be read: " + e.Message);
            index = Math.Max(index, e.EntryIndex + 1);
        }

        public LedgerAuditResult Finish(SignedCheckpoint checkpoint)
        {
            if (fault is { } f)
                return new LedgerAuditResult(f.Problem, f.Position, Explain(f.Problem, f.Message, checkpoint), index);
            if (index < checkpoint.Size)
                return new LedgerAuditResult(LedgerAuditProblem.MissingEntries, index,
                    $"the export ends after {index} entries but the checkpoint covers {checkpoint.Size}: entries from position {index} on are missing", index);
            if (index > checkpoint.Size)
                return new LedgerAuditResult(LedgerAuditProblem.ExtraEntries, checkpoint.Size,
                    $"the export has {index} entries but the checkpoint covers only {checkpoint.Size}: entries from position {checkpoint.Size} on are not covered", index);
            if (!CryptographicOperations.FixedTimeEquals(computed.Root(), checkpoint.RootHash))
                return new LedgerAuditResult(LedgerAuditProblem.RootMismatch, null,
                    $"the {index} entries do not hash to the signed root of size {checkpoint.Size}; " + (someHashesAbsent
                        ? "without a recorded leaf hash for every entry no single position can be named"
                        : "every entry matches its recorded leaf hash, so entries and hashes were rewritten together and no single position can be named"), index);
            return new LedgerAuditResult(LedgerAuditProblem.None, null,
                $"{index} entries of {checkpoint.Origin} match the checkpoint signed at size {checkpoint.Size}", index);
        }

        private void Check(ExportedEntry entry, byte[] leaf)
        {
            var decoded = TryDecode(entry.Encoded, out var why);
            if (decoded is null)
            {
                fault = (LedgerAuditProblem.MalformedEntry, index, "the entry is not a ledger entry: " + why);
                return;
            }
            if (decoded.Position != index)
            {
                fault = (LedgerAuditProblem.PositionMismatch, index, "");
                displacedClaims = decoded.Position;
                return;
            }
            caseId ??= decoded.CaseId;
            if (decoded.CaseId != caseId)
            {
                fault = (LedgerAuditProblem.WrongCase, index, $"the entry is of case '{decoded.CaseId}', not '{caseId}'");
                return;
            }
            if (entry.LeafHash is not null && !CryptographicOperations.FixedTimeEquals(entry.LeafHash, leaf))
                fault = (LedgerAuditProblem.LeafHashMismatch, index, "");
        }

        private string Explain(LedgerAuditProblem problem, string message, SignedCheckpoint checkpoint)
        {
            var position = fault!.Value.Position;
            switch (problem)
            {
                case LedgerAuditProblem.PositionMismatch:
                    var claims = displacedClaims!.Value;
                    if (claims < position)
                        return $"expected position {position} but the entry says {claims}: position {claims} appears twice or entries were reordered";
                    return displacedFoundAt is { } foundAt
                        ? $"expected position {position} but the entry says {claims}; position {position} appears later, at index {foundAt}: entries were reordered"
                        : $"expected position {position} but the entry says {claims}: position {position} is missing (deleted)";
                case LedgerAuditProblem.LeafHashMismatch:
                    // Only valid when the whole export was read; otherwise the roots are of a prefix and say nothing.
                    if (index == checkpoint.Size && computed.Size == index)
                    {
                        if (computed.Root().AsSpan().SequenceEqual(checkpoint.RootHash))
                            return "the recorded leaf hash was altered; the entry itself matches the signed root";
                        if (recorded.Root().AsSpan().SequenceEqual(checkpoint.RootHash))
                            return "the entry's bytes were altered: they no longer hash to the leaf hash that the signed root covers";
                    }
                    return "the entry's bytes do not hash to its recorded leaf hash: the entry or the hash was altered";
                default:
                    return message;
            }
        }

        private static LedgerEntry? TryDecode(byte[] encoded) => TryDecode(encoded, out _);

        private static LedgerEntry? TryDecode(byte[] encoded, out string why)
        {
            why = "";
            try
            {
                return LedgerEntryEncoding.Decode(encoded);
            }
            catch (FormatException e)
            {
                why = e.Message;
                return null;
            }
        }
    }
}

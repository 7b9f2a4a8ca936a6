using System.CommandLine;
using CaseGrains.Ledger;

namespace CaseGrains.LedgerVerifier;

internal static class VerifyReceiptCommand
{
    public static Command Create(CliContext context)
    {
        var receipt = new Argument<FileInfo>("receipt") { Description = "The receipt (c2sp.org/tlog-proof@v1)" };
        var key = new Option<FileInfo>("--key", "-k") { Description = "The log's verifier key (vkey file)", Required = true };
        var entry = new Option<FileInfo?>("--entry") { Description = "The entry's canonical bytes, when the receipt does not carry them" };
        var origin = new Option<string?>("--origin") { Description = "The log (case origin) the receipt must be from" };
        var later = new Option<FileInfo?>("--checkpoint") { Description = "A later signed checkpoint that must still contain the entry" };
        var consistency = new Option<FileInfo?>("--consistency") { Description = "The consistency proof from the receipt's checkpoint to --checkpoint" };
        var command = new Command("verify-receipt", "Check a receipt's entry, inclusion proof and checkpoint, and optionally a later checkpoint")
        {
            receipt, key, entry, origin, later, consistency,
        };
        command.SetAction(result => VerifierCli.Guard(context, () => Run(
            context, result.GetRequiredValue(receipt), result.GetRequiredValue(key), result.GetValue(entry),
            result.GetValue(origin), result.GetValue(later), result.GetValue(consistency))));
        return command;
    }

    private static int Run(CliContext context, FileInfo receiptFile, FileInfo keyFile, FileInfo? entryFile, string? origin, FileInfo? laterFile, FileInfo? proofFile)
    {
        if ((laterFile is null) != (proofFile is null))
            throw new InputException("--checkpoint and --consistency go together");
        var key = InputFiles.ReadVerifier(keyFile, NoteKeyType.Checkpoint);
        var entry = entryFile is null ? null : File.ReadAllBytes(entryFile.FullName);
        var later = laterFile is null ? null : InputFiles.ReadText(laterFile);
        var proof = InputFiles.ReadProof(proofFile);

        Receipt receipt;
        try
        {
            receipt = Receipt.Parse(InputFiles.ReadText(receiptFile));
        }
        catch (FormatException e)
        {
            return context.Fail($"FAIL: {receiptFile.Name} is not a receipt: {e.Message}");
        }

        var verifier = new ReceiptVerifier(key, origin);
        var included = entry is null ? verifier.Verify(receipt) : verifier.Verify(receipt, entry);
        if (!included.Ok)
            return context.Fail("FAIL: " + included.Message);
        context.Output.WriteLine("OK: " + included.Message);
        var described = Describe(entry ?? receipt.Extra);
        if (described is not null)
            context.Output.WriteLine("    " + described);

        if (later is null)
            return ExitCodes.Verified;
        var still = verifier.VerifyStillIncluded(receipt, later, proof);
        return still.Ok ? context.Ok("OK: " + still.Message) : context.Fail("FAIL: " + still.Message);
    }

    private static string? Describe(byte[]? entry)
    {
        if (entry is null)
            return null;
        try
        {
            var decoded = LedgerEntryEncoding.Decode(entry);
            return $"{decoded.Kind} by {decoded.Actor} at {decoded.Time:O} (case {decoded.CaseId}, position {decoded.Position})";
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

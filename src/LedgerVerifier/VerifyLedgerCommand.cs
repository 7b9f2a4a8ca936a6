using System.CommandLine;
using CaseGrains.Ledger;

namespace CaseGrains.LedgerVerifier;

internal static class VerifyLedgerCommand
{
    public static Command Create(CliContext context)
    {
        var export = new Argument<FileInfo>("export") { Description = "The ledger export (JSON Lines, casegrains-ledger-export/v1)" };
        var key = new Option<FileInfo>("--key", "-k") { Description = "The log's verifier key (vkey file)", Required = true };
        var caseId = new Option<string?>("--case") { Description = "The case the ledger must be of (default: the case in the checkpoint origin)" };
        var command = new Command("verify-ledger", "Check every entry of an exported ledger against its signed checkpoint") { export, key, caseId };
        command.SetAction(result => VerifierCli.Guard(context, () =>
            Run(context, result.GetRequiredValue(export), result.GetRequiredValue(key), result.GetValue(caseId))));
        return command;
    }

    private static int Run(CliContext context, FileInfo export, FileInfo keyFile, string? caseId)
    {
        var key = InputFiles.ReadVerifier(keyFile, NoteKeyType.Checkpoint);
        if (!export.Exists)
            throw new InputException($"{export.FullName} does not exist");

        string checkpoint;
        try
        {
            using var reader = export.OpenText();
            checkpoint = LedgerExport.ReadCheckpoint(reader);
        }
        catch (FormatException e)
        {
            return context.Fail($"FAIL: {export.Name} has no readable checkpoint line: {e.Message}");
        }

        // A second pass streams the entries, so exports larger than memory can be checked.
        using var entries = export.OpenText();
        var result = LedgerAudit.Verify(LedgerExport.ReadEntries(entries), checkpoint, key, caseId);
        return result.Ok ? context.Ok(result.ToString()) : context.Fail(result.ToString());
    }
}

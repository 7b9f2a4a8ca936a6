using System.CommandLine;
using CaseGrains.Ledger;

namespace CaseGrains.LedgerVerifier;

internal static class VerifyConsistencyCommand
{
    public static Command Create(CliContext context)
    {
        var key = new Option<FileInfo>("--key", "-k") { Description = "The log's verifier key (vkey file)", Required = true };
        var older = new Option<FileInfo>("--old") { Description = "The earlier signed checkpoint", Required = true };
        var newer = new Option<FileInfo>("--new") { Description = "The later signed checkpoint", Required = true };
        var proof = new Option<FileInfo?>("--proof") { Description = "The consistency proof (one base64 hash per line); may be omitted for equal sizes" };
        var command = new Command("verify-consistency", "Check that a later checkpoint extends an earlier one (the log only appended)")
        {
            key, older, newer, proof,
        };
        command.SetAction(result => VerifierCli.Guard(context, () =>
        {
            var logKey = InputFiles.ReadVerifier(result.GetRequiredValue(key), NoteKeyType.Checkpoint);
            var check = CheckpointConsistency.Verify(
                InputFiles.ReadText(result.GetRequiredValue(older)),
                InputFiles.ReadText(result.GetRequiredValue(newer)),
                InputFiles.ReadProof(result.GetValue(proof)),
                logKey);
            return check.Ok ? context.Ok("OK: " + check.Message) : context.Fail("FAIL: " + check.Message);
        }));
        return command;
    }
}

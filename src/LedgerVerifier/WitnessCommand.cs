using System.CommandLine;
using CaseGrains.Ledger;

namespace CaseGrains.LedgerVerifier;

internal static class WitnessCommand
{
    public static Command Create(CliContext context)
    {
        var logKey = new Option<FileInfo>("--log-key") { Description = "The log's verifier key (vkey file)", Required = true };
        var witnessKey = new Option<FileInfo>("--witness-key") { Description = "This witness's private key (skey file)", Required = true };
        var last = new Option<FileInfo?>("--last") { Description = "The checkpoint this witness cosigned last; omit only the first time" };
        var next = new Option<FileInfo>("--new") { Description = "The log's new signed checkpoint", Required = true };
        var proof = new Option<FileInfo?>("--proof") { Description = "The consistency proof from --last to --new (one base64 hash per line)" };
        var output = new Option<FileInfo?>("--out") { Description = "Write the cosigned checkpoint here (the next --last)" };
        var command = new Command("witness", "Cosign a new checkpoint after checking it extends the last one this witness cosigned")
        {
            logKey, witnessKey, last, next, proof, output,
        };
        command.SetAction(result => VerifierCli.Guard(context, () => Run(
            context, result.GetRequiredValue(logKey), result.GetRequiredValue(witnessKey), result.GetValue(last),
            result.GetRequiredValue(next), result.GetValue(proof), result.GetValue(output))));
        return command;
    }

    private static int Run(CliContext context, FileInfo logKeyFile, FileInfo witnessKeyFile, FileInfo? lastFile, FileInfo nextFile, FileInfo? proofFile, FileInfo? output)
    {
        var logKey = InputFiles.ReadVerifier(logKeyFile, NoteKeyType.Checkpoint);
        using var witnessKey = ReadWitnessKey(witnessKeyFile);
        var last = lastFile is null ? null : InputFiles.ReadText(lastFile);
        var proof = InputFiles.ReadProof(proofFile);
        var next = InputFiles.ReadText(nextFile);

        var result = new Witness(logKey, witnessKey, context.Time).Cosign(last, next, proof);
        if (!result.Ok)
            return context.Fail("REFUSED: " + result.Message);
        if (lastFile is null)
            context.Error.WriteLine("note: no --last checkpoint, so only the log signature was checked (first cosignature)");
        if (output is not null)
            File.WriteAllText(output.FullName, result.Cosigned!.Format());
        context.Output.Write(result.Cosignature!.ToLine());
        context.Error.WriteLine(result.Message);
        return ExitCodes.Verified;
    }

    private static CosignatureSigner ReadWitnessKey(FileInfo file)
    {
        try
        {
            return CosignatureSigner.FromSkey(InputFiles.ReadText(file));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new InputException($"{file.Name} is not a witness private key (skey of a Cosignature key): {e.Message}", e);
        }
    }
}

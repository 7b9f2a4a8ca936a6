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
        var next = new Option<FileInfo?>("--new") { Description = "The log's new signed checkpoint (files mode)" };
        var proof = new Option<FileInfo?>("--proof") { Description = "The consistency proof from --last to --new (one base64 hash per line; files mode)" };
        var output = new Option<FileInfo?>("--out") { Description = "Write the cosigned checkpoint here (the next --last)" };
        var url = new Option<string?>("--url")
        {
            Description = "Server mode: fetch the newest checkpoint and its proof from this CaseGrains server and post the cosignature, or the refusal, back",
        };
        var caseId = new Option<string?>("--case") { Description = "The case whose ledger to witness (server mode)" };
        var command = new Command("witness", "Cosign a new checkpoint after checking it extends the last one this witness cosigned")
        {
            logKey, witnessKey, last, next, proof, output, url, caseId,
        };
        command.SetAction((result, cancellationToken) => VerifierCli.GuardAsync(context, () =>
        {
            var address = result.GetValue(url);
            if (address is not null)
            {
                if (!Uri.TryCreate(address, UriKind.Absolute, out var server) || (server.Scheme != Uri.UriSchemeHttp && server.Scheme != Uri.UriSchemeHttps))
                    throw new InputException($"--url {address} is not an http or https address");
                var caseName = result.GetValue(caseId);
                if (string.IsNullOrWhiteSpace(caseName))
                    throw new InputException("--url needs --case: the case whose ledger to witness");
                if (result.GetValue(next) is not null || result.GetValue(proof) is not null)
                    throw new InputException("--url fetches the new checkpoint and its proof itself; leave out --new and --proof");
                return RunOnlineAsync(context, result.GetRequiredValue(logKey), result.GetRequiredValue(witnessKey), result.GetValue(last),
                    server, caseName, result.GetValue(output), cancellationToken);
            }
            var nextFile = result.GetValue(next) ?? throw new InputException("give --new (and --proof) with the checkpoint to cosign, or --url and --case");
            return Task.FromResult(Run(context, result.GetRequiredValue(logKey), result.GetRequiredValue(witnessKey), result.GetValue(last),
                nextFile, result.GetValue(proof), result.GetValue(output)));
        }));
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

    private static async Task<int> RunOnlineAsync(
        CliContext context, FileInfo logKeyFile, FileInfo witnessKeyFile, FileInfo? lastFile, Uri server, string caseId, FileInfo? output,
        CancellationToken cancellationToken)
    {
        var logKey = InputFiles.ReadVerifier(logKeyFile, NoteKeyType.Checkpoint);
        using var witnessKey = ReadWitnessKey(witnessKeyFile);
        var last = lastFile is null ? null : InputFiles.ReadText(lastFile);
        using var client = new WitnessClient(server, caseId, witnessKey.Name);
        var outcome = await new OnlineWitness(logKey, witnessKey, client, context.Time).RunAsync(last, cancellationToken);

        if (outcome.Note is not null)
            context.Error.WriteLine("note: " + outcome.Note);
        if (!outcome.Ok)
            return context.Fail("REFUSED: " + outcome.Message);
        if (output is not null && outcome.Cosigned is not null)
            await File.WriteAllTextAsync(output.FullName, outcome.Cosigned, cancellationToken);
        if (outcome.Cosignature is not null)
            context.Output.Write(outcome.Cosignature);
        context.Error.WriteLine(outcome.Message);
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

using System.CommandLine;

namespace CaseGrains.LedgerVerifier;

/// <summary>
/// casegrains-verify: offline checks of CaseGrains ledgers, receipts and checkpoints, and a witness that cosigns.
/// Exit codes are in <see cref="ExitCodes"/>. Callable in-process for tests.
/// </summary>
public static class VerifierCli
{
    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(output, error, time ?? TimeProvider.System);
        var root = new RootCommand("casegrains-verify: check CaseGrains ledgers, receipts and checkpoints offline, and witness checkpoints")
        {
            VerifyLedgerCommand.Create(context),
            VerifyReceiptCommand.Create(context),
            VerifyConsistencyCommand.Create(context),
            WitnessCommand.Create(context),
            KeygenCommand.Create(context),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
                error.WriteLine("error: " + parseError.Message);
            error.WriteLine("Run 'casegrains-verify --help' for usage.");
            return ExitCodes.UsageError;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>Runs a command body, turning unusable input into exit code 2 with a message instead of a stack trace.</summary>
    internal static int Guard(CliContext context, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (InputException e)
        {
            return context.Usage(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return context.Usage(e.Message);
        }
    }
}

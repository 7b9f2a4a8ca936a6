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
        var parsed = Parse(args, output, error, time);
        return parsed is null ? ExitCodes.UsageError : parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>As <see cref="Run"/>, without blocking a thread while a command talks to a server.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var parsed = Parse(args, output, error, time);
        return parsed is null
            ? ExitCodes.UsageError
            : await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
    }

    private static ParseResult? Parse(string[] args, TextWriter output, TextWriter error, TimeProvider? time)
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
            return null;
        }
        return parsed;
    }

    /// <summary>As <see cref="Guard"/>, for a command body that waits on a server.</summary>
    internal static async Task<int> GuardAsync(CliContext context, Func<Task<int>> body)
    {
        try
        {
            return await body();
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

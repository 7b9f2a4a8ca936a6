namespace CaseGrains.LedgerVerifier;

/// <summary>Where a run writes and what time it is; injected so tests run the console in-process.</summary>
public sealed record CliContext(TextWriter Output, TextWriter Error, TimeProvider Time)
{
    public int Fail(string message)
    {
        Error.WriteLine(message);
        return ExitCodes.Failed;
    }

    public int Usage(string message)
    {
        Error.WriteLine("error: " + message);
        return ExitCodes.UsageError;
    }

    public int Ok(string message)
    {
        Output.WriteLine(message);
        return ExitCodes.Verified;
    }
}

using BenchmarkDotNet.Attributes;
using CaseGrains.LedgerVerifier;

namespace CaseGrains.Load.Benchmarks;

/// <summary>
/// The offline verifier on the export of a 1,000,000-entry ledger (<see cref="MillionEntryLedger"/>), a file on disk:
/// <c>casegrains-verify verify-ledger &lt;export&gt; --key &lt;vkey&gt;</c> run in this process. It checks the checkpoint's
/// signature, decodes and hashes every entry, compares each with its recorded leaf hash and the root with the signed
/// one, streaming the file twice (checkpoint line, then entries). After the first run the file is in the page cache.
/// </summary>
[Config(typeof(InProcessFewIterations))]
[MemoryDiagnoser]
public class LedgerVerifyBenchmarks
{
    private MillionEntryLedger seeded = null!;

    [GlobalSetup]
    public void Setup() => seeded = MillionEntryLedger.GetAsync().GetAwaiter().GetResult();

    [Benchmark]
    public int VerifyExport()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = VerifierCli.Run(["verify-ledger", seeded.ExportFile, "--key", seeded.KeyFile], output, error);
        if (code != ExitCodes.Verified || !output.ToString().StartsWith($"OK: {MillionEntryLedger.Entries} entries ", StringComparison.Ordinal))
            throw new InvalidOperationException($"the verifier exited with {code}: {output}{error}");
        return code;
    }
}

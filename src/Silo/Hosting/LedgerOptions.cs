using System.ComponentModel.DataAnnotations;

namespace CaseGrains.Silo.Hosting;

/// <summary>
/// The case ledgers' signing and publishing (section <c>Ledger</c>). With neither <see cref="SigningKey"/> nor
/// <see cref="SigningKeyFile"/> the server generates an ECDSA P-256 key on its first start and keeps it in the
/// database, so that restarts sign with the same key.
/// </summary>
public sealed class LedgerOptions
{
    public const string Section = "Ledger";

    /// <summary>The origin prefix: case checkpoints are of "&lt;Origin&gt;/case/&lt;caseId&gt;".</summary>
    [Required]
    [RegularExpression(@"^[^\s+]+$", ErrorMessage = "The ledger origin is one word without spaces or '+', e.g. casegrains.example.")]
    public string Origin { get; set; } = "casegrains.local";

    /// <summary>The name of a generated key; the origin when not set. A configured key carries its own name.</summary>
    [RegularExpression(@"^[^\s+]+$", ErrorMessage = "A key name has no spaces or '+'.")]
    public string? KeyName { get; set; }

    /// <summary>The log's private key as signed-note skey text (PRIVATE+KEY+…), e.g. from a secret store.</summary>
    public string? SigningKey { get; set; }

    /// <summary>A file holding the skey text, e.g. one written by <c>casegrains-verify keygen</c>.</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>How often every case whose ledger grew gets a new checkpoint; zero turns the schedule off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The witnesses' cosignature verifier keys (vkeys), e.g. the court's and the tax bureau's.</summary>
    public List<string> Witnesses { get; set; } = [];
}

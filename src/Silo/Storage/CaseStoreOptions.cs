using System.ComponentModel.DataAnnotations;

namespace CaseGrains.Silo.Storage;

/// <summary>
/// Where the case store lives (section <c>Storage</c>). With no <c>ConnectionStrings:CaseStore</c> the server starts its
/// own PostgreSQL in <see cref="DataDirectory"/>.
/// </summary>
public sealed class CaseStoreOptions
{
    public const string Section = "Storage";

    [Required]
    public string DataDirectory { get; set; } = ".data/pg";

    /// <summary>fsync and synchronous commit for the embedded server; only tests turn this off.</summary>
    public bool Durable { get; set; } = true;
}

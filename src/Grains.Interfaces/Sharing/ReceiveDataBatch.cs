using System.Text.Json;

namespace CaseGrains.Sharing;

/// <summary>
/// A department's batch for one resource of the catalogue: everything the department now holds on the case for that
/// resource (a full snapshot), one JSON object a record with the fields the catalogue names.
/// </summary>
public sealed record ReceiveDataBatch(
    string Department,
    string DepartmentKind,
    string Resource,
    IReadOnlyList<IReadOnlyDictionary<string, JsonElement>> Records,
    string? Reference = null);

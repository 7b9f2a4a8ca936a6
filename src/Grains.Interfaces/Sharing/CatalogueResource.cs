namespace CaseGrains.Sharing;

/// <summary>
/// One resource of the sharing catalogue (共享目录), as the Shenzhen information-sharing standard lists them: its
/// content, which kind of department shares it, how, who may see it and how often it is updated.
/// </summary>
/// <param name="KeyField">The field that identifies a record across batches, used to compare them.</param>
public sealed record CatalogueResource(
    string Code,
    string NameZh,
    string NameEn,
    string SourceKind,
    SharingMethod Method,
    SharingScope Scope,
    UpdateFrequency Frequency,
    string KeyField,
    IReadOnlyList<ResourceField> Fields);

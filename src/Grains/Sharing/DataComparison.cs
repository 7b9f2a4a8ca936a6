namespace CaseGrains.Sharing;

/// <summary>
/// Compares a department's new snapshot of a resource with its previous one, record by key and field by field, as
/// the sharing standard's data comparison asks. Keys come out in ordinal order so the same two snapshots always give the same report.
/// </summary>
public static class DataComparison
{
    public static DataDifferences Compare(string keyField, IReadOnlyList<IReadOnlyDictionary<string, string>> before,
        IReadOnlyList<IReadOnlyDictionary<string, string>> after)
    {
        var old = before.ToDictionary(r => r[keyField], StringComparer.Ordinal);
        var now = after.ToDictionary(r => r[keyField], StringComparer.Ordinal);
        var added = now.Keys.Where(k => !old.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var removed = old.Keys.Where(k => !now.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        var changed = new List<FieldChange>();
        foreach (var key in now.Keys.Where(old.ContainsKey).Order(StringComparer.Ordinal))
        {
            var (a, b) = (old[key], now[key]);
            foreach (var field in a.Keys.Union(b.Keys).Order(StringComparer.Ordinal))
            {
                var was = a.GetValueOrDefault(field);
                var becomes = b.GetValueOrDefault(field);
                if (was != becomes) changed.Add(new FieldChange(key, field, was, becomes));
            }
        }
        return new DataDifferences(added, changed, removed);
    }
}

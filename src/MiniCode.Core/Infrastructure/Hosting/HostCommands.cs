using MiniCode.Data;

namespace MiniCode.Infrastructure.Hosting;

/// <summary>
/// Command-line verbs of the host: <c>migrate</c> applies the configured provider's migrations and exits.
/// </summary>
public static class HostCommands
{
    public static async Task<bool> TryRunCommandAsync(this WebApplication app, string[] args)
    {
        var verb = args.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('='));
        if (verb is not "migrate") return false;

        await using var scope = app.Services.CreateAsyncScope();
        var applied = await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        Console.WriteLine($"migrate: {applied} migration(s) applied.");
        return true;
    }
}

using MiniCode.Data;

namespace MiniCode.Infrastructure.Hosting;

/// <summary>
/// Command-line verbs of the host: <c>migrate</c> applies migrations and exits; <c>schema-script</c> prints the
/// CREATE script of the current EF model for the configured provider (the starting point of a new migration).
/// </summary>
public static class HostCommands
{
    public static async Task<bool> TryRunCommandAsync(this WebApplication app, string[] args)
    {
        var verb = args.FirstOrDefault(a => !a.StartsWith('-') && !a.Contains('='));
        if (verb is not ("migrate" or "schema-script")) return false;

        await using var scope = app.Services.CreateAsyncScope();
        if (verb == "migrate")
        {
            var applied = await scope.ServiceProvider.GetRequiredService<MigrationRunner>().MigrateAsync();
            Console.WriteLine($"migrate: {applied} migration(s) applied.");
        }
        else
        {
            Console.WriteLine(scope.ServiceProvider.GetRequiredService<MiniCodeDbContext>().Database.GenerateCreateScript());
        }
        return true;
    }
}

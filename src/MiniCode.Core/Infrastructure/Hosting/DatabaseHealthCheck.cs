using Microsoft.Extensions.Diagnostics.HealthChecks;
using MiniCode.Data;

namespace MiniCode.Infrastructure.Hosting;

/// <summary>Ready means: the database answers and every migration this build knows is applied.</summary>
internal sealed class DatabaseHealthCheck(MiniCodeDbContext db, DatabaseMigrator migrations) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            if (!await db.Database.CanConnectAsync(ct)) return HealthCheckResult.Unhealthy("database unreachable");
            var pending = await migrations.PendingAsync(ct);
            var data = new Dictionary<string, object> { ["provider"] = migrations.Provider.ToString(), ["pendingMigrations"] = pending.Count };
            return pending.Count == 0
                ? HealthCheckResult.Healthy("database reachable, migrations applied", data)
                : HealthCheckResult.Unhealthy($"{pending.Count} migration(s) pending", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database check failed", ex);
        }
    }
}

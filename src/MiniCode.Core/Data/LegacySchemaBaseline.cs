using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging;

namespace MiniCode.Data;

/// <summary>
/// Releases up to 2026-11 built the schema with SQL scripts recorded in <c>__minicode_migrations</c>. Their last
/// script leaves exactly the schema of the first EF migration, so such a database is adopted by recording that
/// migration as applied (and dropping the old table) instead of creating its tables again. A database that stopped
/// part-way through the scripts is refused with the missing ones named: no data is touched then.
/// </summary>
internal sealed class LegacySchemaBaseline(MiniCodeDbContext db, ILogger logger)
{
    internal const string LegacyHistoryTable = "__minicode_migrations";
    internal const string EfHistoryTable = HistoryRepository.DefaultTableName;

    /// <summary>Every script of the last release that used them; applied together they equal the initial migration.</summary>
    internal static readonly string[] LegacyScripts =
    [
        "0001_foundation", "0002_people", "0100_identity", "0200_health_codes", "0300_admin", "0400_job_runs",
        "0500_households", "0600_checkpoints", "0700_posters", "0850_face_checks_and_statistics",
        "0900_usage_by_type_and_region", "0910_staff_preferences", "0920_notice_deliveries",
    ];

    public async Task AdoptAsync(CancellationToken ct)
    {
        if (!await TableExistsAsync(LegacyHistoryTable, ct)) return;
        // Asked of the catalogue: Npgsql's IHistoryRepository.ExistsAsync answers true for a missing table.
        var history = db.GetService<IHistoryRepository>();
        if (await TableExistsAsync(EfHistoryTable, ct))
        {
            await db.Database.ExecuteSqlRawAsync($"DROP TABLE {LegacyHistoryTable}", ct);
            return;
        }

        var applied = await db.Database.SqlQueryRaw<string>($"SELECT id AS \"Value\" FROM {LegacyHistoryTable}").ToListAsync(ct);
        var missing = LegacyScripts.Except(applied).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"This database was made by an earlier MiniCode release and lacks its migrations {string.Join(", ", missing)}. " +
                "Start that release once to finish them, then start this one.");

        var initial = db.Database.GetMigrations().First();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(initial, EfVersion())), ct);
        await db.Database.ExecuteSqlRawAsync($"DROP TABLE {LegacyHistoryTable}", ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Adopted a database made by SQL scripts: recorded {MigrationId} as applied", initial);
    }

    private async Task<bool> TableExistsAsync(string table, CancellationToken ct)
    {
        var sql = db.Database.IsNpgsql()
            ? $"SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{table}'"
            : $"SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
        return (await db.Database.SqlQueryRaw<int>(sql).ToListAsync(ct)).Single() > 0;
    }

    private static string EfVersion()
    {
        var version = typeof(DbContext).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "10.0.0";
        return version.Split('+')[0];
    }
}

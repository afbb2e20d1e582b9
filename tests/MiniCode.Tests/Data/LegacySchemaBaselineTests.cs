using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using MiniCode.Data;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Data;

/// <summary>
/// A database made by the SQL scripts of earlier releases (<c>__minicode_migrations</c>, no EF history) is adopted as
/// it is: its rows stay, the first EF migration is recorded as applied, the old table goes. One that stopped part-way
/// through the scripts is refused, untouched.
/// </summary>
public sealed class LegacySchemaBaselineTests
{
    [Fact]
    public async Task A_database_made_by_every_legacy_script_is_adopted_with_its_rows()
    {
        using var database = TestDatabase.Empty();
        await MakeLegacyDatabaseAsync(database, LegacySchemaBaseline.LegacyScripts);

        await using (var db = database.CreateContext())
        {
            var migrator = new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance);
            Assert.Equal(db.Database.GetMigrations().Count() - 1, await migrator.MigrateAsync());
            Assert.Empty(await migrator.PendingAsync());
        }
        await using (var db = database.CreateContext())
        {
            Assert.Equal(db.Database.GetMigrations().First(), (await db.Database.GetAppliedMigrationsAsync()).First());
            Assert.Equal(["kept"], await db.Database.SqlQueryRaw<string>("SELECT xml AS \"Value\" FROM data_protection_keys").ToListAsync());
            Assert.Equal(0, await CountTablesAsync(db, LegacySchemaBaseline.LegacyHistoryTable));
        }
    }

    [Fact]
    public async Task A_database_that_stopped_part_way_through_the_legacy_scripts_is_refused_untouched()
    {
        using var database = TestDatabase.Empty();
        await MakeLegacyDatabaseAsync(database, LegacySchemaBaseline.LegacyScripts[..^2]);

        await using var db = database.CreateContext();
        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync());
        Assert.Contains("0910_staff_preferences, 0920_notice_deliveries", error.Message);
        Assert.Equal(1, await CountTablesAsync(db, LegacySchemaBaseline.LegacyHistoryTable));
        Assert.Equal(0, await CountTablesAsync(db, LegacySchemaBaseline.EfHistoryTable));
    }

    /// <summary>Today's first migration, without EF's history, plus the old history table naming the scripts.</summary>
    private static async Task MakeLegacyDatabaseAsync(TestDatabase database, IEnumerable<string> scripts)
    {
        await using var db = database.CreateContext();
        await db.GetService<IMigrator>().MigrateAsync(db.Database.GetMigrations().First());
        await db.Database.ExecuteSqlRawAsync("DROP TABLE \"__EFMigrationsHistory\"");
        await db.Database.ExecuteSqlRawAsync($"CREATE TABLE {LegacySchemaBaseline.LegacyHistoryTable} (id varchar(150) NOT NULL PRIMARY KEY, applied_at varchar(40) NOT NULL)");
        foreach (var id in scripts)
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO " + LegacySchemaBaseline.LegacyHistoryTable + " (id, applied_at) VALUES ({0}, '2026-11-01T00:00:00Z')", id);
        await db.Database.ExecuteSqlRawAsync("INSERT INTO data_protection_keys (friendly_name, xml) VALUES ('legacy-marker', 'kept')");
    }

    private static async Task<int> CountTablesAsync(MiniCodeDbContext db, string table) =>
        (await db.Database.SqlQueryRaw<int>(db.Database.IsNpgsql()
            ? $"SELECT count(*)::int AS \"Value\" FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{table}'"
            : $"SELECT count(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = '{table}'").ToListAsync()).Single();
}

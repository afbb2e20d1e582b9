using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;
using MiniCode.Data;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Data;

/// <summary>
/// The EF migrations of each provider must build exactly the schema the model describes: a model change without
/// <c>scripts/new-migration.sh</c> fails here. One database is migrated, another created from the model, and their
/// catalogues are compared on the provider under test; the snapshots of both providers are checked without a database.
/// </summary>
public sealed class SchemaMatchesModelTests
{
    [Fact]
    public async Task Migrated_schema_equals_the_model()
    {
        using var migrated = TestDatabase.Empty();
        using var fromModel = TestDatabase.Empty();

        await using (var db = migrated.CreateContext())
        {
            var migrator = new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance);
            Assert.True(await migrator.MigrateAsync() > 0);
            Assert.Equal(0, await migrator.MigrateAsync()); // idempotent
            Assert.Empty(await migrator.PendingAsync());
        }
        await using (var db = fromModel.CreateContext()) await db.Database.EnsureCreatedAsync();

        var expected = await SchemaSnapshot.ReadAsync(fromModel);
        var actual = await SchemaSnapshot.ReadAsync(migrated);
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"Schema drift on {migrated.Provider}.\nIn the model but not migrated:\n  {string.Join("\n  ", missing)}\nMigrated but not in the model:\n  {string.Join("\n  ", extra)}");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public void Each_provider_has_a_migration_for_every_model_change(DatabaseProvider provider)
    {
        var options = new DbContextOptionsBuilder<MiniCodeDbContext>();
        DataServiceCollectionExtensions.Configure(options, new DatabaseOptions { Provider = provider },
            provider == DatabaseProvider.Postgres ? "Host=localhost;Database=unused" : "Data Source=unused.db");
        using var db = new MiniCodeDbContext(options.Options);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The model has changed since the last {provider} migration: run scripts/new-migration.sh NAME.");
    }
}

/// <summary>A provider's catalogue as comparable lines: tables, columns with type and nullability, indexes, constraints.</summary>
internal static class SchemaSnapshot
{
    private static readonly string[] Ignored = ["__EFMigrationsHistory", "__EFMigrationsLock"];

    public static async Task<SortedSet<string>> ReadAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await Collect(conn, lines, """
                SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '')
                       || ' null=' || is_nullable || ' identity=' || is_identity || ' default=' || coalesce(column_default, '')
                FROM information_schema.columns WHERE table_schema = current_schema()
                """);
            await Collect(conn, lines, "SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = current_schema()");
            await Collect(conn, lines, """
                SELECT 'constraint ' || c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
                FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE n.nspname = current_schema()
                """);
        }
        else
        {
            var tables = new List<string>();
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync()) tables.Add(r.GetString(0));
            }
            foreach (var t in tables)
            {
                await Collect(conn, lines, $"SELECT 'column {t}.' || name || ' ' || type || ' notnull=' || \"notnull\" || ' pk=' || pk || ' default=' || coalesce(dflt_value, '') FROM pragma_table_info('{t}')");
                await Collect(conn, lines, $"SELECT 'fk {t}.' || \"from\" || ' -> ' || \"table\" || '.' || \"to\" || ' on delete ' || on_delete FROM pragma_foreign_key_list('{t}')");
                await Collect(conn, lines, $"""
                    SELECT 'index {t} ' || il.name || ' unique=' || il."unique" || ' (' || (SELECT group_concat(name, ',') FROM (SELECT name FROM pragma_index_info(il.name) ORDER BY seqno)) || ')'
                           || coalesce(' where ' || (SELECT substr(sql, instr(upper(sql), ' WHERE ') + 7) FROM sqlite_master m WHERE m.name = il.name AND instr(upper(sql), ' WHERE ') > 0), '')
                    FROM pragma_index_list('{t}') il WHERE il.origin <> 'pk'
                    """);
            }
        }
        lines.RemoveWhere(l => Ignored.Any(i => l.Contains(i, StringComparison.Ordinal)));
        return lines;
    }

    private static async Task Collect(DbConnection conn, SortedSet<string> lines, string sql)
    {
        await using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) lines.Add(r.GetString(0));
    }
}

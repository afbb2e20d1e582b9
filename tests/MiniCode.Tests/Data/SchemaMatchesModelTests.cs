using System.Data.Common;
using MiniCode.Data;
using MiniCode.Tests.Infrastructure;

namespace MiniCode.Tests.Data;

/// <summary>
/// The hand-written SQL migrations must build exactly the schema the EF model describes, on the provider under test:
/// one database is migrated, another created from the model, and their catalogues are compared.
/// </summary>
public sealed class SchemaMatchesModelTests
{
    [Fact]
    public async Task Migrated_schema_equals_the_model()
    {
        using var migrated = new TestDatabase();
        using var fromModel = new TestDatabase();

        await using (var db = migrated.CreateContext())
        {
            var runner = new MigrationRunner(db, TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance);
            Assert.True(await runner.MigrateAsync() > 0);
            Assert.Equal(0, await runner.MigrateAsync()); // idempotent
            Assert.Empty(await runner.PendingAsync());
        }
        await using (var db = fromModel.CreateContext()) await db.Database.EnsureCreatedAsync();

        var expected = await SchemaSnapshot.ReadAsync(fromModel);
        var actual = await SchemaSnapshot.ReadAsync(migrated);
        var missing = expected.Except(actual).ToList();
        var extra = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"Schema drift on {migrated.Provider}.\nIn the model but not migrated:\n  {string.Join("\n  ", missing)}\nMigrated but not in the model:\n  {string.Join("\n  ", extra)}");
    }
}

/// <summary>A provider's catalogue as comparable lines: tables, columns with type and nullability, indexes, constraints.</summary>
internal static class SchemaSnapshot
{
    private static readonly string[] Ignored = ["__minicode_migrations", "__EFMigrationsHistory"];

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
                FROM information_schema.columns WHERE table_schema = current_schema() AND table_name NOT LIKE 'qrtz%'
                """);
            await Collect(conn, lines, "SELECT 'index ' || tablename || ' ' || indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename NOT LIKE 'qrtz%'");
            await Collect(conn, lines, """
                SELECT 'constraint ' || c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid)
                FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
                WHERE n.nspname = current_schema() AND c.conrelid::regclass::text NOT LIKE 'qrtz%'
                """);
        }
        else
        {
            var tables = new List<string>();
            await using (var cmd = conn.CreateCommand())
            {
                cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'qrtz%'";
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

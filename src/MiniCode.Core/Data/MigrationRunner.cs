using System.Data;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace MiniCode.Data;

/// <summary>
/// Applies the hand-written SQL migrations embedded under <c>Data/Migrations/{sqlite,postgres}/NNNN_name.sql</c>,
/// in name order, each in its own transaction, recording them in <c>__minicode_migrations</c>.
/// EF's design-time package is not served, so migrations are SQL scripts; a test proves that the migrated
/// schema equals the EF model on both providers.
/// </summary>
public sealed class MigrationRunner(MiniCodeDbContext db, TimeProvider time, ILogger<MigrationRunner> logger)
{
    private const string HistoryTable = "__minicode_migrations";
    // Any constant: all nodes starting at once serialise on it, so only one applies migrations.
    private const long PostgresAdvisoryLockKey = 0x4D696E69436F6465;

    public sealed record Migration(string Id, string Sql);

    public static IReadOnlyList<Migration> Available(DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Postgres ? "postgres" : "sqlite";
        var prefix = $"migrations/{folder}/";
        var assembly = typeof(MigrationRunner).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new Migration(Path.GetFileNameWithoutExtension(n[prefix.Length..]), Read(assembly, n)))
            .ToList();
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public DatabaseProvider Provider => db.Database.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken ct = default)
    {
        var conn = db.Database.GetDbConnection();
        var opened = await OpenAsync(conn, ct);
        try
        {
            var applied = await AppliedAsync(conn, null, ct);
            return Available(Provider).Select(m => m.Id).Where(id => !applied.Contains(id)).ToList();
        }
        finally
        {
            if (opened) await conn.CloseAsync();
        }
    }

    public async Task<int> MigrateAsync(CancellationToken ct = default)
    {
        EnsureSqliteFolder();
        var conn = db.Database.GetDbConnection();
        var opened = await OpenAsync(conn, ct);
        try
        {
            if (Provider == DatabaseProvider.Postgres)
                await ExecuteAsync(conn, null, $"SELECT pg_advisory_lock({PostgresAdvisoryLockKey})", ct);
            await ExecuteAsync(conn, null,
                $"CREATE TABLE IF NOT EXISTS {HistoryTable} (id varchar(150) NOT NULL PRIMARY KEY, applied_at varchar(40) NOT NULL)", ct);

            var count = 0;
            var applied = await AppliedAsync(conn, null, ct);
            foreach (var migration in Available(Provider).Where(m => !applied.Contains(m.Id)))
            {
                await using var tx = await conn.BeginTransactionAsync(ct);
                await ExecuteAsync(conn, tx, migration.Sql, ct);
                await using (var insert = conn.CreateCommand())
                {
                    insert.Transaction = tx;
                    insert.CommandText = $"INSERT INTO {HistoryTable} (id, applied_at) VALUES (@id, @at)";
                    AddParameter(insert, "@id", migration.Id);
                    AddParameter(insert, "@at", time.GetUtcNow().ToString("O"));
                    await insert.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied migration {MigrationId}", migration.Id);
                count++;
            }
            return count;
        }
        finally
        {
            if (Provider == DatabaseProvider.Postgres && conn.State == ConnectionState.Open)
                await ExecuteAsync(conn, null, $"SELECT pg_advisory_unlock({PostgresAdvisoryLockKey})", CancellationToken.None);
            if (opened) await conn.CloseAsync();
        }
    }

    private void EnsureSqliteFolder()
    {
        if (Provider != DatabaseProvider.Sqlite) return;
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString());
        var dir = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(dir) && builder.DataSource != ":memory:") Directory.CreateDirectory(dir);
    }

    private static async Task<bool> OpenAsync(DbConnection conn, CancellationToken ct)
    {
        if (conn.State == ConnectionState.Open) return false;
        await conn.OpenAsync(ct);
        return true;
    }

    private async Task<HashSet<string>> AppliedAsync(DbConnection conn, DbTransaction? tx, CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var exists = Provider == DatabaseProvider.Postgres
            ? $"SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = '{HistoryTable}'"
            : $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{HistoryTable}'";
        await using (var check = conn.CreateCommand())
        {
            check.Transaction = tx;
            check.CommandText = exists;
            if (Convert.ToInt64(await check.ExecuteScalarAsync(ct)) == 0) return ids;
        }
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = $"SELECT id FROM {HistoryTable}";
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }

    private async Task ExecuteAsync(DbConnection conn, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.CommandTimeout = db.Database.GetCommandTimeout() ?? 30;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand cmd, string name, object value)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
}

using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using MiniCode.Data;
using Npgsql;

namespace MiniCode.Tests.Infrastructure;

/// <summary>
/// A throw-away database for one test host. The provider comes from <c>MINICODE_TEST_DB</c> (<c>sqlite</c>, the default,
/// or <c>postgres</c>, reached with <c>MINICODE_TEST_PG</c>), so the same suite runs on both. It starts as a copy of a
/// template migrated once per build of the migrations (<see cref="MigratedTemplate"/>), so hosts start without running
/// every migration; <see cref="Empty"/> gives a database with nothing in it, for the migration tests.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public static DatabaseProvider CurrentProvider =>
        string.Equals(Environment.GetEnvironmentVariable("MINICODE_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("MINICODE_TEST_PG") is { Length: > 0 } cs ? cs
            : "Host=127.0.0.1;Port=5432;Username=minicode;Password=minicode";

    internal static string SqliteFolder { get; } = Path.Combine(Path.GetTempPath(), "minicode-tests");

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    private readonly string _name;

    /// <summary>A database with today's schema (a copy of the migrated template).</summary>
    public TestDatabase(DatabaseProvider? provider = null) : this(provider, migrated: true) { }

    /// <summary>A database without any table.</summary>
    public static TestDatabase Empty(DatabaseProvider? provider = null) => new(provider, migrated: false);

    private TestDatabase(DatabaseProvider? provider, bool migrated)
    {
        Provider = provider ?? CurrentProvider;
        _name = "minicode_test_" + Guid.NewGuid().ToString("N")[..16];
        if (Provider == DatabaseProvider.Postgres)
        {
            var template = migrated ? $" TEMPLATE {MigratedTemplate.Postgres()}" : "";
            ExecutePostgres($"CREATE DATABASE {_name}{template}");
            ConnectionString = PostgresConnectionString(_name);
        }
        else
        {
            Directory.CreateDirectory(SqliteFolder);
            var file = Path.Combine(SqliteFolder, _name + ".db");
            if (migrated) File.Copy(MigratedTemplate.Sqlite(), file);
            ConnectionString = $"Data Source={file}";
        }
    }

    // Commits need not wait for the disk: a test database is thrown away, and waiting for it was most of the suite's system time.
    internal static string PostgresConnectionString(string database) =>
        PostgresServer + $";Database={database};Include Error Detail=true;Options=-c synchronous_commit=off";

    internal static void ExecutePostgres(string sql)
    {
        using var conn = new NpgsqlConnection(PostgresServer + ";Database=postgres");
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }

    public MiniCodeDbContext CreateContext() => CreateContext(Provider, ConnectionString);

    internal static MiniCodeDbContext CreateContext(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<MiniCodeDbContext>();
        DataServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = provider }, connectionString);
        return new MiniCodeDbContext(builder.Options);
    }

    public void Dispose()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            ExecutePostgres($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
        }
        else
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            var jobs = Path.Combine(Path.GetDirectoryName(file)!, Path.GetFileNameWithoutExtension(file) + "-jobs.db"); // Hangfire's file
            foreach (var f in new[] { file, file + "-wal", file + "-shm", jobs, jobs + "-wal", jobs + "-shm" }) File.Delete(f);
        }
    }
}

/// <summary>
/// One migrated database per provider and per build of the migrations (named by the migrations assembly's
/// deterministic module id), made on first use and reused by later test runs: PostgreSQL copies it with
/// <c>CREATE DATABASE … TEMPLATE</c>, SQLite copies the file. It is built under a temporary name and renamed when
/// complete, so a run that died part-way leaves nothing a later run would take for a template.
/// </summary>
internal static class MigratedTemplate
{
    private static readonly Lazy<string> PostgresName = new(CreatePostgres);
    private static readonly Lazy<string> SqliteFile = new(CreateSqlite);

    public static string Postgres() => PostgresName.Value;
    public static string Sqlite() => SqliteFile.Value;

    private static string BuildId(DatabaseProvider provider)
    {
        var name = provider == DatabaseProvider.Postgres ? DatabaseMigrator.PostgresMigrationsAssembly : DatabaseMigrator.SqliteMigrationsAssembly;
        return System.Reflection.Assembly.Load(name).ManifestModule.ModuleVersionId.ToString("N")[..12];
    }

    private static void Migrate(DatabaseProvider provider, string connectionString)
    {
        using var db = TestDatabase.CreateContext(provider, connectionString);
        new DatabaseMigrator(db, NullLogger<DatabaseMigrator>.Instance).MigrateAsync().GetAwaiter().GetResult();
    }

    private static string CreatePostgres()
    {
        var name = "minicode_tpl_" + BuildId(DatabaseProvider.Postgres);
        // Templates of other builds stay: another checkout may be copying them right now (one per migrations build).
        if (PostgresDatabases().Contains(name)) return name;

        var building = "minicode_tplwip_" + Guid.NewGuid().ToString("N")[..12];
        TestDatabase.ExecutePostgres($"CREATE DATABASE {building}");
        var cs = TestDatabase.PostgresConnectionString(building);
        Migrate(DatabaseProvider.Postgres, cs);
        NpgsqlConnection.ClearAllPools();
        try
        {
            TestDatabase.ExecutePostgres($"ALTER DATABASE {building} RENAME TO {name}");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            TestDatabase.ExecutePostgres($"DROP DATABASE {building} WITH (FORCE)"); // another run made it meanwhile
        }
        return name;
    }

    private static List<string> PostgresDatabases()
    {
        using var conn = new NpgsqlConnection(TestDatabase.PostgresServer + ";Database=postgres");
        conn.Open();
        using var cmd = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'minicode_tpl%'", conn);
        using var reader = cmd.ExecuteReader();
        var names = new List<string>();
        while (reader.Read()) names.Add(reader.GetString(0));
        return names;
    }

    private static string CreateSqlite()
    {
        Directory.CreateDirectory(TestDatabase.SqliteFolder);
        var file = Path.Combine(TestDatabase.SqliteFolder, $"template-{BuildId(DatabaseProvider.Sqlite)}.db");
        if (File.Exists(file)) return file;
        // Other builds' templates may be in use by another checkout's run: only those untouched for a day go.
        foreach (var stale in Directory.GetFiles(TestDatabase.SqliteFolder, "template-*.db").Where(f => File.GetLastAccessTimeUtc(f) < DateTime.UtcNow.AddDays(-1)))
            File.Delete(stale);

        var building = Path.Combine(TestDatabase.SqliteFolder, $"template-wip-{Guid.NewGuid():N}.db");
        Migrate(DatabaseProvider.Sqlite, $"Data Source={building}");
        SqliteConnection.ClearAllPools();
        // Fold the write-ahead log into the file, so a plain copy of it is the whole database.
        using (var conn = new SqliteConnection($"Data Source={building};Pooling=false"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "PRAGMA journal_mode=DELETE;";
            cmd.ExecuteNonQuery();
        }
        SqliteConnection.ClearAllPools();
        try { File.Move(building, file); }
        catch (IOException) when (File.Exists(file)) { File.Delete(building); }
        return file;
    }
}

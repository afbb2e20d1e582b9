using Microsoft.Data.Sqlite;
using MiniCode.Data;
using Npgsql;

namespace MiniCode.Tests.Infrastructure;

/// <summary>
/// A throw-away database for one test host. The provider comes from <c>MINICODE_TEST_DB</c> (<c>sqlite</c>, the default,
/// or <c>postgres</c>, reached with <c>MINICODE_TEST_PG</c>), so the same suite runs on both.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public static DatabaseProvider CurrentProvider =>
        string.Equals(Environment.GetEnvironmentVariable("MINICODE_TEST_DB"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    public static string PostgresServer =>
        Environment.GetEnvironmentVariable("MINICODE_TEST_PG") is { Length: > 0 } cs ? cs
            : "Host=127.0.0.1;Port=5432;Username=minicode;Password=minicode";

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    private readonly string _name;

    public TestDatabase(DatabaseProvider? provider = null)
    {
        Provider = provider ?? CurrentProvider;
        _name = "minicode_test_" + Guid.NewGuid().ToString("N")[..16];
        if (Provider == DatabaseProvider.Postgres)
        {
            using var conn = new NpgsqlConnection(PostgresServer + ";Database=postgres");
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {_name}", conn);
            cmd.ExecuteNonQuery();
            ConnectionString = PostgresServer + $";Database={_name};Include Error Detail=true";
        }
        else
        {
            var dir = Path.Combine(Path.GetTempPath(), "minicode-tests");
            Directory.CreateDirectory(dir);
            ConnectionString = $"Data Source={Path.Combine(dir, _name + ".db")}";
        }
    }

    public MiniCodeDbContext CreateContext()
    {
        var builder = new DbContextOptionsBuilder<MiniCodeDbContext>();
        DataServiceCollectionExtensions.Configure(builder, new DatabaseOptions { Provider = Provider }, ConnectionString);
        return new MiniCodeDbContext(builder.Options);
    }

    public void Dispose()
    {
        if (Provider == DatabaseProvider.Postgres)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(PostgresServer + ";Database=postgres");
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", conn);
            cmd.ExecuteNonQuery();
        }
        else
        {
            SqliteConnection.ClearAllPools();
            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            foreach (var f in new[] { file, file + "-wal", file + "-shm" }) File.Delete(f);
        }
    }
}

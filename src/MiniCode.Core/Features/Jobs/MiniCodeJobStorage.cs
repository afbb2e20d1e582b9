using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Server;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using MiniCode.Data;

namespace MiniCode.Features.Jobs;

/// <summary>
/// Hangfire's storage for this host: on PostgreSQL its own schema <c>hangfire</c> in the MiniCode database (created at
/// first use), shared by every node; on SQLite a file of its own beside the MiniCode database
/// (<see cref="EmbeddedJobStorage"/>), so queued runs and schedules survive a restart. The real storage is made on
/// first use, so a host that neither runs jobs nor opens the dashboard never touches it. Succeeded runs expire after
/// <c>Jobs:HistoryRetention</c>.
/// </summary>
public sealed class MiniCodeJobStorage : JobStorage, IDisposable
{
    public const string PostgresSchema = "hangfire";
    private readonly Lazy<JobStorage> _inner;

    public MiniCodeJobStorage(IOptions<DatabaseOptions> database, IOptions<JobsOptions> jobs, IConfiguration configuration)
    {
        var o = jobs.Value;
        var connectionString = DataServiceCollectionExtensions.ConnectionString(configuration);
        Provider = database.Value.Provider;
        JobExpirationTimeout = o.HistoryRetention;
        _inner = new Lazy<JobStorage>(() => Provider == DatabaseProvider.Postgres
            ? CreatePostgres(connectionString, o)
            : new EmbeddedJobStorage(SqliteFile(connectionString, o), new SQLiteStorageOptions { QueuePollInterval = o.QueuePollInterval }));
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Where the SQLite storage lives: <c>Jobs:SqliteStoragePath</c>, or <c>&lt;database&gt;-jobs.db</c> beside the database.</summary>
    public static string SqliteFile(string connectionString, JobsOptions options)
    {
        if (options.SqliteStoragePath is { Length: > 0 } path) return path;
        var database = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        return Path.Combine(Path.GetDirectoryName(database)!, Path.GetFileNameWithoutExtension(database) + "-jobs.db");
    }

    private static PostgreSqlStorage CreatePostgres(string connectionString, JobsOptions o)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = PostgresSchema,
            PrepareSchemaIfNecessary = true,
            QueuePollInterval = o.QueuePollInterval,
            DistributedLockTimeout = o.OverlapWait,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    private JobStorage Inner => _inner.Value;

    public override IMonitoringApi GetMonitoringApi() => Inner.GetMonitoringApi();
    public override IStorageConnection GetConnection() => Inner.GetConnection();
    public override IStorageConnection GetReadOnlyConnection() => Inner.GetReadOnlyConnection();
    public override bool LinearizableReads => Inner.LinearizableReads;
    public override bool HasFeature(string featureId) => Inner.HasFeature(featureId);
#pragma warning disable CS0618, CS0672 // storages still hand their processes over through this one
    [Obsolete("Hangfire's own obsolete member, delegated to the real storage.")]
    public override IEnumerable<IServerComponent> GetComponents() => Inner.GetComponents();
#pragma warning restore CS0618, CS0672
    public override IEnumerable<IBackgroundProcess> GetServerRequiredProcesses() => Inner.GetServerRequiredProcesses();
    public override IEnumerable<IBackgroundProcess> GetStorageWideProcesses() => Inner.GetStorageWideProcesses();
    public override IEnumerable<Hangfire.States.IStateHandler> GetStateHandlers() => Inner.GetStateHandlers();
    public override void WriteOptionsToLog(Hangfire.Logging.ILog logger) => Inner.WriteOptionsToLog(logger);
    public override string ToString() => _inner.IsValueCreated ? Inner.ToString()! : $"MiniCode job storage ({Provider})";

    public void Dispose()
    {
        if (_inner.IsValueCreated && Inner is IDisposable d) d.Dispose();
    }
}

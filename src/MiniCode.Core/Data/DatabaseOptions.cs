using System.ComponentModel.DataAnnotations;
using MiniCode.Infrastructure.Hosting;

namespace MiniCode.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section <c>Database</c>. The connection string itself is <c>ConnectionStrings:MiniCode</c>.</summary>
public sealed class DatabaseOptions : ISectionOptions
{
    public static string Section => "Database";
    public const string ConnectionStringName = "MiniCode";
    public const string DefaultSqlite = "Data Source=data/minicode.db";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the host starts (the <c>migrate</c> command does it explicitly).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    [Range(1, 600)]
    public int CommandTimeoutSeconds { get; set; } = 30;
}
